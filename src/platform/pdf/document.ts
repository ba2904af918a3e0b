import PDFDocument from 'pdfkit';
import { FONT, getFontFiles } from './fonts.js';

export type PdfDoc = InstanceType<typeof PDFDocument>;

export type Orientation = 'portrait' | 'landscape';

export interface PdfRenderOptions {
  /**
   * Creation date written into the file. pdfkit derives the file identifier from it, so a fixed value
   * makes the output byte-for-byte reproducible (tests, archived copies); defaults to now.
   */
  creationDate?: Date;
}

export interface NewDocumentOptions extends PdfRenderOptions {
  title: string;
  orientation?: Orientation;
  /** Override for wide tables (the register) that need more of the sheet than a letter does. */
  margins?: Partial<typeof MARGINS>;
}

/**
 * Margins of an administrative document on A4 (Decree 30/2020 appendix I: top and bottom 20–25 mm,
 * left 30–35 mm for binding, right 15–20 mm). 1 mm = 72/25.4 pt.
 */
export const MM = 72 / 25.4;
export const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };

/** An A4 document with the Vietnamese fonts registered and regular text selected. */
export function createDocument(options: NewDocumentOptions): PdfDoc {
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.orientation ?? 'portrait',
    margins: { ...MARGINS, ...options.margins },
    // Pages stay in memory so that page numbers ("Trang 1/3") can be written once the total is known.
    bufferPages: true,
    info: {
      Title: options.title,
      Creator: 'Chính quyền số',
      Producer: 'Chính quyền số',
      CreationDate: options.creationDate ?? new Date(),
    },
    lang: 'vi-VN',
    displayTitle: true,
  });
  for (const [name, data] of getFontFiles()) doc.registerFont(name, data);
  doc.font(FONT.regular).fontSize(13);
  return doc;
}

/** Width available between the margins. */
export function contentWidth(doc: PdfDoc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Bottom of the writable area. */
export function contentBottom(doc: PdfDoc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Ends the document and collects it into one Buffer. */
export function finishDocument(doc: PdfDoc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
