import { contentWidth, type PdfDoc } from './document.js';
import { FONT } from './fonts.js';
import { formatLongDate } from './local-date.js';

/** Quốc hiệu và tiêu ngữ — national heading, Decree 30/2020 appendix I. */
export const NATIONAL_HEADING = {
  country: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
} as const;

export interface AgencyHeading {
  /** Cơ quan chủ quản — the superior body, e.g. "UBND TỈNH ĐIỆN BIÊN"; omitted for top-level bodies. */
  superiorName?: string;
  /** The issuing unit, e.g. "Trung tâm Phục vụ hành chính công". */
  name: string;
  /** Số, ký hiệu — e.g. "Số: 125/TN-TTPVHCC"; omitted on forms that carry none. */
  documentNumber?: string;
}

export interface HeadingOptions {
  agency: AgencyHeading;
  /** Địa danh — place name before the date, e.g. "Điện Biên Phủ". */
  placeName: string;
  issuedAt: Date;
}

const LEFT_SHARE = 0.42;
const GAP = 8;

/** Writes `text` centred in a column, shrinking the size until it fits on one line. */
function centredLine(doc: PdfDoc, text: string, font: string, size: number, x: number, y: number, width: number): number {
  doc.font(font);
  let fitted = size;
  while (fitted > 8 && doc.fontSize(fitted).widthOfString(text) > width) fitted -= 0.5;
  doc.fontSize(fitted).text(text, x, y, { width, align: 'center', lineBreak: false });
  return y + doc.currentLineHeight(true);
}

function underline(doc: PdfDoc, centreX: number, y: number, length: number): void {
  doc
    .moveTo(centreX - length / 2, y)
    .lineTo(centreX + length / 2, y)
    .lineWidth(0.6)
    .stroke();
}

/**
 * The two-column head of every form: agency name on the left, national heading on the right, the
 * document number under the agency and the place and date under the motto (Decree 30/2020 appendix I).
 */
export function drawHeading(doc: PdfDoc, options: HeadingOptions): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const leftWidth = width * LEFT_SHARE - GAP / 2;
  const rightX = left + width * LEFT_SHARE + GAP / 2;
  const rightWidth = width - width * LEFT_SHARE - GAP / 2;
  const top = doc.y;

  let y = top;
  if (options.agency.superiorName) {
    y = centredLine(doc, options.agency.superiorName.toUpperCase(), FONT.condensed, 12, left, y, leftWidth);
  }
  doc.font(FONT.condensedBold).fontSize(12);
  const unitName = options.agency.name.toUpperCase();
  doc.text(unitName, left, y, { width: leftWidth, align: 'center' });
  y = doc.y + 2;
  underline(doc, left + leftWidth / 2, y, Math.min(leftWidth * 0.4, 80));
  y += 6;
  if (options.agency.documentNumber) {
    y = centredLine(doc, options.agency.documentNumber, FONT.regular, 12, left, y, leftWidth);
  }
  const leftBottom = y;

  y = centredLine(doc, NATIONAL_HEADING.country, FONT.condensedBold, 12, rightX, top, rightWidth);
  y = centredLine(doc, NATIONAL_HEADING.motto, FONT.bold, 12.5, rightX, y, rightWidth);
  const mottoWidth = doc.widthOfString(NATIONAL_HEADING.motto);
  underline(doc, rightX + rightWidth / 2, y + 2, mottoWidth);
  y += 8;
  y = centredLine(doc, `${options.placeName}, ${formatLongDate(options.issuedAt)}`, FONT.italic, 12, rightX, y, rightWidth);

  doc.x = left;
  doc.y = Math.max(leftBottom, y) + 18;
  doc.font(FONT.regular).fontSize(13);
}

/** Tên loại và trích yếu — the form's title, bold capitals centred, with an optional subtitle. */
export function drawTitle(doc: PdfDoc, title: string, subtitle?: string): void {
  const left = doc.page.margins.left;
  doc.font(FONT.bold).fontSize(14).text(title.toUpperCase(), left, doc.y, { width: contentWidth(doc), align: 'center' });
  if (subtitle) {
    doc.font(FONT.italic).fontSize(12).text(subtitle, left, doc.y + 2, { width: contentWidth(doc), align: 'center' });
  }
  doc.moveDown(1);
  doc.x = left;
  doc.font(FONT.regular).fontSize(13);
}
