/** The file types the one-stop shop accepts for uploaded documents. */
export const AllowedMediaType = {
  Pdf: 'application/pdf',
  Jpeg: 'image/jpeg',
  Png: 'image/png',
} as const;
export type AllowedMediaTypeCode = (typeof AllowedMediaType)[keyof typeof AllowedMediaType];

/** Bytes needed at the start of a file to tell the allowed types apart. */
export const SNIFF_BYTES = 8;

// Signatures from the formats themselves: PDF 1.7 (ISO 32000-1 §7.5.2) "%PDF-", JFIF/Exif SOI marker FF D8 FF,
// PNG (RFC 2083 §3.1) 89 50 4E 47 0D 0A 1A 0A. The declared type and the file name are never trusted.
const SIGNATURES: { mediaType: AllowedMediaTypeCode; bytes: number[] }[] = [
  { mediaType: AllowedMediaType.Pdf, bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mediaType: AllowedMediaType.Jpeg, bytes: [0xff, 0xd8, 0xff] },
  { mediaType: AllowedMediaType.Png, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The allowed type whose signature starts `head`, or undefined for anything else. */
export function findMediaType(head: Uint8Array): AllowedMediaTypeCode | undefined {
  return SIGNATURES.find((s) => s.bytes.length <= head.length && s.bytes.every((b, i) => head[i] === b))?.mediaType;
}

export const EXTENSIONS: Record<AllowedMediaTypeCode, string[]> = {
  [AllowedMediaType.Pdf]: ['.pdf'],
  [AllowedMediaType.Jpeg]: ['.jpg', '.jpeg'],
  [AllowedMediaType.Png]: ['.png'],
};
