/**
 * Where a visible signature block goes on the page, as PDF points from the page's lower-left corner (the PDF
 * coordinate system). Presets for an A4 portrait page (595 × 842 pt) with a 40 pt margin, leaving room for a block
 * up to about 235 × 75 pt (the server sizes it to its lines: name, title, organisation, time). Decree 30/2020 puts
 * the signature at the bottom right, so that is the default.
 */
export type SignaturePosition = 'bottom_right' | 'bottom_left' | 'bottom_center' | 'top_right' | 'top_left';

export const SIGNATURE_POSITIONS: Record<SignaturePosition, { x: number; y: number }> = {
  bottom_right: { x: 320, y: 40 },
  bottom_left: { x: 40, y: 40 },
  bottom_center: { x: 180, y: 40 },
  top_right: { x: 320, y: 727 },
  top_left: { x: 40, y: 727 },
};

export const DEFAULT_SIGNATURE_POSITION: SignaturePosition = 'bottom_right';
