import { contentBottom, contentWidth, type PdfDoc } from './document.js';
import { FONT } from './fonts.js';

const BODY_SIZE = 12.5;

/** "Label: value" on one paragraph, the label in bold; an empty value leaves a dotted line to fill in by hand. */
export function labelledLine(doc: PdfDoc, label: string, value: string | undefined): void {
  const left = doc.page.margins.left;
  doc.font(FONT.bold).fontSize(BODY_SIZE).text(`${label}: `, left, doc.y, { continued: true, width: contentWidth(doc) });
  doc.font(FONT.regular).text(value && value.length > 0 ? value : '…………………………………');
  doc.moveDown(0.25);
}

/** A plain paragraph, justified like the body of an administrative document. */
export function paragraph(
  doc: PdfDoc,
  text: string,
  options: { bold?: boolean; italic?: boolean; indent?: number; x?: number; width?: number; size?: number } = {},
): void {
  const font = options.bold ? FONT.bold : options.italic ? FONT.italic : FONT.regular;
  doc.font(font).fontSize(options.size ?? BODY_SIZE).text(text, options.x ?? doc.page.margins.left, doc.y, {
    width: options.width ?? contentWidth(doc),
    // Justification stretches a line holding one long unbreakable word (a URL) beyond reading.
    align: options.italic ? 'left' : 'justify',
    indent: options.indent ?? 0,
  });
  doc.moveDown(0.25);
}

/** A numbered list ("1. …", "2. …") with hanging indent, each item possibly long. */
export function numberedList(doc: PdfDoc, items: readonly string[]): void {
  const left = doc.page.margins.left;
  const hang = 22;
  doc.font(FONT.regular).fontSize(BODY_SIZE);
  items.forEach((item, index) => {
    const y = doc.y;
    const height = doc.heightOfString(item, { width: contentWidth(doc) - hang });
    if (y + height > contentBottom(doc)) doc.addPage();
    const top = doc.y;
    doc.text(`${index + 1}.`, left, top, { width: hang, lineBreak: false });
    doc.text(item, left + hang, top, { width: contentWidth(doc) - hang, align: 'justify' });
    doc.moveDown(0.2);
  });
  doc.x = left;
}

export interface Signature {
  /** Chức danh — e.g. "NGƯỜI TIẾP NHẬN HỒ SƠ". */
  title: string;
  /** e.g. "(Ký và ghi rõ họ tên)". */
  note?: string;
  /** Họ và tên — printed under the space left for the signature. */
  name?: string;
}

const SIGNATURE_SPACE = 62;

/**
 * Signature blocks along the bottom of a form: one block sits in the right half (Decree 30/2020
 * appendix I places the signer on the right); two blocks share the width left and right.
 */
export function drawSignatures(doc: PdfDoc, signatures: readonly Signature[]): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const needed = 20 + 16 + SIGNATURE_SPACE + 20;
  if (doc.y + needed > contentBottom(doc)) doc.addPage();
  const top = doc.y + 12;
  const columns = signatures.length === 1 ? [{ x: left + width / 2, w: width / 2 }] : signatures.map((_, i) => ({ x: left + (width / signatures.length) * i, w: width / signatures.length }));
  let bottom = top;
  signatures.forEach((signature, i) => {
    const { x, w } = columns[i]!;
    doc.font(FONT.bold).fontSize(12).text(signature.title.toUpperCase(), x, top, { width: w, align: 'center' });
    if (signature.note) doc.font(FONT.italic).fontSize(11).text(signature.note, x, doc.y, { width: w, align: 'center' });
    const nameY = doc.y + SIGNATURE_SPACE;
    if (signature.name) doc.font(FONT.bold).fontSize(12).text(signature.name, x, nameY, { width: w, align: 'center' });
    bottom = Math.max(bottom, signature.name ? doc.y : nameY);
  });
  doc.x = left;
  doc.y = bottom + 6;
  doc.font(FONT.regular).fontSize(BODY_SIZE);
}

/**
 * "Trang 1/3" centred in the bottom margin of every page; needs a document created with buffered pages.
 * A one-page slip may leave it out (`skipSinglePage`), as the printed templates do.
 */
export function drawPageNumbers(
  doc: PdfDoc,
  label: (page: number, total: number) => string,
  options: { skipSinglePage?: boolean } = {},
): void {
  const range = doc.bufferedPageRange();
  if (options.skipSinglePage && range.count === 1) return;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    // Writing inside the margin would make pdfkit start a new page; lift the margin while writing.
    doc.page.margins.bottom = 0;
    doc
      .font(FONT.italic)
      .fontSize(10)
      .text(label(i + 1, range.count), doc.page.margins.left, doc.page.height - bottomMargin / 2 - 5, {
        width: contentWidth(doc),
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottomMargin;
  }
}
