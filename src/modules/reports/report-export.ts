import ExcelJS from 'exceljs';
import { createDocument, drawPageNumbers, drawTable, drawTitle, finishDocument, labelledLine, type TableColumn } from '../../platform/pdf/index.js';
import type { ReportCell, ReportData, ReportTemplateDocument } from './reports.schema.js';

/** What an exported report shows (an assignment's figures or an aggregate). */
export interface ReportSheet {
  templateName: string;
  templateCode: string;
  unitName: string;
  periodLabel: string;
  periodFrom: string;
  periodTo: string;
  dueDate: string;
  /** e.g. "Đã chấp nhận", or for an aggregate "Tổng hợp 2/3 đơn vị". */
  statusLine: string;
  document: ReportTemplateDocument;
  /** Entered figures with formula rows laid over them. */
  values: ReportData;
  /** Aggregates list the units they include and the units still missing. */
  includedUnits?: string[];
  pendingUnits?: string[];
}

export const REPORT_SHEET = 'Báo cáo';
/** Row of the table header in the workbook; the title block sits above it. */
export const REPORT_HEADER_ROW = 7;
const FIXED_HEADERS = ['STT', 'Mã', 'Chỉ tiêu', 'Đơn vị tính'];

const displayDate = (localDate: string) => `${localDate.slice(8, 10)}/${localDate.slice(5, 7)}/${localDate.slice(0, 4)}`;
const periodLine = (sheet: ReportSheet) => `${sheet.periodLabel} (từ ngày ${displayDate(sheet.periodFrom)} đến ngày ${displayDate(sheet.periodTo)})`;

function cellText(value: ReportCell | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(value);
  return value;
}

/** One sheet: title, unit, period, due date, then the indicator table with units of measure; numbers stay numbers. */
export async function reportWorkbook(sheet: ReportSheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Chính quyền số';
  const ws = workbook.addWorksheet(REPORT_SHEET);
  ws.columns = [{ width: 6 }, { width: 8 }, { width: 48 }, { width: 12 }, ...sheet.document.columns.map(() => ({ width: 16 }))];
  ws.getCell('A1').value = `${sheet.templateName.toUpperCase()} (${sheet.templateCode})`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = `Đơn vị: ${sheet.unitName}`;
  ws.getCell('A3').value = `Kỳ báo cáo: ${periodLine(sheet)}`;
  ws.getCell('A4').value = `Hạn gửi: ${displayDate(sheet.dueDate)}`;
  ws.getCell('A5').value = `Tình trạng: ${sheet.statusLine}`;
  const header = ws.getRow(REPORT_HEADER_ROW);
  header.values = [...FIXED_HEADERS, ...sheet.document.columns.map((c) => c.name)];
  header.font = { bold: true };
  sheet.document.rows.forEach((row, i) => {
    const cells = sheet.document.columns.map((column) => {
      const value = sheet.values[row.code]?.[column.code];
      return value === null || value === undefined ? null : value;
    });
    ws.getRow(REPORT_HEADER_ROW + 1 + i).values = [i + 1, row.code, row.name, row.unit ?? '', ...cells];
  });
  let next = REPORT_HEADER_ROW + sheet.document.rows.length + 2;
  if (sheet.includedUnits) ws.getCell(`A${next++}`).value = `Đơn vị đã tổng hợp: ${sheet.includedUnits.join('; ') || '(chưa có)'}`;
  if (sheet.pendingUnits) ws.getCell(`A${next++}`).value = `Đơn vị chưa được chấp nhận: ${sheet.pendingUnits.join('; ') || '(không có)'}`;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same report as a PDF with the embedded DejaVu fonts (correct Vietnamese text when copied or searched). */
export async function reportPdf(sheet: ReportSheet, creationDate?: Date): Promise<Buffer> {
  const wide = sheet.document.columns.length > 3;
  const doc = createDocument({ title: `${sheet.templateName} — ${sheet.periodLabel}`, orientation: wide ? 'landscape' : 'portrait', creationDate });
  drawTitle(doc, sheet.templateName, `Mẫu ${sheet.templateCode}`);
  labelledLine(doc, 'Đơn vị', sheet.unitName);
  labelledLine(doc, 'Kỳ báo cáo', periodLine(sheet));
  labelledLine(doc, 'Hạn gửi', displayDate(sheet.dueDate));
  labelledLine(doc, 'Tình trạng', sheet.statusLine);
  doc.moveDown(0.5);
  const columns: TableColumn[] = [
    { header: 'STT', weight: 1, align: 'center' },
    { header: 'Chỉ tiêu', weight: 8 },
    { header: 'Đơn vị tính', weight: 2.5, align: 'center' },
    ...sheet.document.columns.map((c) => ({ header: c.name, weight: 3, align: (c.type === 'text' ? 'left' : 'right') as TableColumn['align'] })),
  ];
  const rows = sheet.document.rows.map((row, i) => [
    String(i + 1),
    row.name,
    row.unit ?? '',
    ...sheet.document.columns.map((column) => cellText(sheet.values[row.code]?.[column.code])),
  ]);
  drawTable(doc, { columns, rows, fontSize: 10 });
  if (sheet.includedUnits) labelledLine(doc, 'Đơn vị đã tổng hợp', sheet.includedUnits.join('; ') || '(chưa có)');
  if (sheet.pendingUnits) labelledLine(doc, 'Đơn vị chưa được chấp nhận', sheet.pendingUnits.join('; ') || '(không có)');
  drawPageNumbers(doc, (page, total) => `Trang ${page}/${total}`, { skipSinglePage: true });
  return finishDocument(doc);
}
