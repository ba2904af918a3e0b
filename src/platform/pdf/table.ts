import { contentBottom, contentWidth, type PdfDoc } from './document.js';
import { FONT } from './fonts.js';

export interface TableColumn {
  header: string;
  /** Relative width; columns share the content width in proportion. */
  weight: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableOptions {
  columns: readonly TableColumn[];
  rows: readonly (readonly string[])[];
  fontSize?: number;
  /** Printed where a table has no rows, so an empty register still says so. */
  emptyText?: string;
}

const PADDING = 3;

function rowHeight(doc: PdfDoc, cells: readonly string[], widths: readonly number[], font: string, size: number): number {
  doc.font(font).fontSize(size);
  let height = 0;
  cells.forEach((cell, i) => {
    height = Math.max(height, doc.heightOfString(cell || ' ', { width: widths[i]! - 2 * PADDING }));
  });
  return height + 2 * PADDING;
}

function drawRow(
  doc: PdfDoc,
  cells: readonly string[],
  columns: readonly TableColumn[],
  widths: readonly number[],
  y: number,
  height: number,
  font: string,
  size: number,
  header: boolean,
): void {
  let x = doc.page.margins.left;
  doc.lineWidth(0.5);
  cells.forEach((cell, i) => {
    const width = widths[i]!;
    doc.rect(x, y, width, height).stroke();
    doc
      .font(font)
      .fontSize(size)
      .text(cell, x + PADDING, y + PADDING, { width: width - 2 * PADDING, align: header ? 'center' : (columns[i]!.align ?? 'left') });
    x += width;
  });
}

/**
 * A bordered table across the content width. A row never splits across pages; when the next row does
 * not fit, a new page starts and the header row is repeated so every page of a register reads alone.
 */
export function drawTable(doc: PdfDoc, options: TableOptions): void {
  const size = options.fontSize ?? 10;
  const total = options.columns.reduce((sum, column) => sum + column.weight, 0);
  const widths = options.columns.map((column) => (contentWidth(doc) * column.weight) / total);
  const headers = options.columns.map((column) => column.header);
  const headerHeight = rowHeight(doc, headers, widths, FONT.condensedBold, size);

  const drawHeader = () => {
    const top = doc.y;
    drawRow(doc, headers, options.columns, widths, top, headerHeight, FONT.condensedBold, size, true);
    doc.y = top + headerHeight;
  };

  drawHeader();
  if (options.rows.length === 0 && options.emptyText) {
    // One cell across the whole table: a narrow first column would break the sentence letter by letter.
    const height = rowHeight(doc, [options.emptyText], [contentWidth(doc)], FONT.condensed, size);
    const top = doc.y;
    drawRow(doc, [options.emptyText], [{ header: '', weight: 1, align: 'center' }], [contentWidth(doc)], top, height, FONT.condensed, size, false);
    doc.y = top + height;
  }
  for (const row of options.rows) {
    const height = rowHeight(doc, row, widths, FONT.condensed, size);
    if (doc.y + height > contentBottom(doc)) {
      doc.addPage();
      drawHeader();
    }
    const top = doc.y;
    drawRow(doc, row, options.columns, widths, top, height, FONT.condensed, size, false);
    doc.y = top + height;
  }
  doc.x = doc.page.margins.left;
  doc.moveDown(0.5);
  doc.font(FONT.regular);
}
