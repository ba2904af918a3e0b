import ExcelJS from 'exceljs';
import { RegisterKind } from './registers.schema.js';

export interface RegisterLine {
  /** Incoming: số đến and ngày đến (dd/MM/yyyy). */
  arrivalNumber?: number | null;
  arrivalDate?: string | null;
  author?: string | null;
  numberNotation: string | null;
  documentDate: string | null;
  /** Tên loại và trích yếu nội dung. */
  typeAndSubject: string;
  /** Incoming: đơn vị hoặc người nhận; outgoing: người ký. */
  handlerOrSigner: string | null;
  /** Outgoing: nơi nhận văn bản. */
  recipients?: string | null;
  copies?: number | null;
  note: string | null;
}

/** Decree 30/2020 Appendix IV: the columns of the incoming and outgoing registers (sổ đăng ký văn bản đến / đi). */
const COLUMNS = {
  [RegisterKind.Incoming]: [
    { header: 'Số đến', key: 'arrivalNumber', width: 9 },
    { header: 'Ngày đến', key: 'arrivalDate', width: 12 },
    { header: 'Tác giả', key: 'author', width: 28 },
    { header: 'Số, ký hiệu', key: 'numberNotation', width: 16 },
    { header: 'Ngày tháng', key: 'documentDate', width: 12 },
    { header: 'Tên loại và trích yếu nội dung', key: 'typeAndSubject', width: 50 },
    { header: 'Đơn vị hoặc người nhận', key: 'handlerOrSigner', width: 24 },
    { header: 'Ký nhận', key: 'receipt', width: 12 },
    { header: 'Ghi chú', key: 'note', width: 18 },
  ],
  [RegisterKind.Outgoing]: [
    { header: 'Số, ký hiệu văn bản', key: 'numberNotation', width: 18 },
    { header: 'Ngày tháng văn bản', key: 'documentDate', width: 14 },
    { header: 'Tên loại và trích yếu nội dung văn bản', key: 'typeAndSubject', width: 50 },
    { header: 'Người ký', key: 'handlerOrSigner', width: 22 },
    { header: 'Nơi nhận văn bản', key: 'recipients', width: 32 },
    { header: 'Số lượng bản', key: 'copies', width: 10 },
    { header: 'Ghi chú', key: 'note', width: 18 },
  ],
} as const;

export const REGISTER_HEADER_ROW = 4;

/** The register as an .xlsx workbook: the book's title and period above the Appendix IV columns, one row per document. */
export async function registerWorkbook(kind: 'incoming' | 'outgoing', title: string, period: string, lines: RegisterLine[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Chính quyền số';
  const sheet = workbook.addWorksheet(kind === RegisterKind.Incoming ? 'Sổ văn bản đến' : 'Sổ văn bản đi');
  const columns = COLUMNS[kind];
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  sheet.getCell('A1').value = title;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = period;
  const header = sheet.getRow(REGISTER_HEADER_ROW);
  columns.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
  });
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  lines.forEach((line, index) => {
    const row = sheet.getRow(REGISTER_HEADER_ROW + 1 + index);
    columns.forEach((c, i) => {
      const value = (line as unknown as Record<string, unknown>)[c.key];
      row.getCell(i + 1).value = value === undefined || value === null ? null : (value as ExcelJS.CellValue);
    });
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.views = [{ state: 'frozen', ySplit: REGISTER_HEADER_ROW }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
