import ExcelJS from 'exceljs';
import { ReportGroupBy, type CollectedReport, type ReportGroupByCode } from './reconciliation.schema.js';

export const FEE_REPORT_SHEET = 'Thu phí';
/** Whole đồng with dot thousands in a Vietnamese Excel (the separator follows the reader's locale). */
const VND_FORMAT = '#,##0';
/** Row of the column headers; the title and the period sit above it. */
export const FEE_REPORT_HEADER_ROW = 4;

const GROUP_HEADERS: Record<ReportGroupByCode, string> = {
  [ReportGroupBy.Unit]: 'Đơn vị',
  [ReportGroupBy.Procedure]: 'Thủ tục hành chính',
  [ReportGroupBy.Channel]: 'Hình thức thanh toán',
  [ReportGroupBy.Day]: 'Ngày',
};

const displayDate = (localDate: string) => `${localDate.slice(8, 10)}/${localDate.slice(5, 7)}/${localDate.slice(0, 4)}`;

/** The collected-fee report as an .xlsx workbook: one sheet, Vietnamese headers, amounts as numbers, a total row. */
export async function feeReportWorkbook(report: CollectedReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Chính quyền số';
  const sheet = workbook.addWorksheet(FEE_REPORT_SHEET);
  sheet.columns = [
    { key: 'index', width: 6 },
    { key: 'label', width: 48 },
    { key: 'count', width: 14 },
    { key: 'amount', width: 20, style: { numFmt: VND_FORMAT } },
    { key: 'refunded', width: 20, style: { numFmt: VND_FORMAT } },
    { key: 'net', width: 20, style: { numFmt: VND_FORMAT } },
  ];
  sheet.getCell('A1').value = 'BÁO CÁO THU PHÍ, LỆ PHÍ';
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = `Từ ngày ${displayDate(report.from)} đến ngày ${displayDate(report.to)}`;

  const header = sheet.getRow(FEE_REPORT_HEADER_ROW);
  header.values = ['STT', GROUP_HEADERS[report.groupBy], 'Số giao dịch', 'Số tiền đã thu (đồng)', 'Đã hoàn trả (đồng)', 'Thực thu (đồng)'];
  header.font = { bold: true };

  report.rows.forEach((row, i) => {
    sheet.getRow(FEE_REPORT_HEADER_ROW + 1 + i).values = [i + 1, row.label, row.count, row.amountVnd, row.refundedVnd, row.netVnd];
  });
  const total = sheet.getRow(FEE_REPORT_HEADER_ROW + 1 + report.rows.length);
  total.values = ['', 'Tổng cộng', report.count, report.totalVnd, report.refundedVnd, report.netVnd];
  total.font = { bold: true };
  for (const column of [4, 5, 6]) {
    for (let r = FEE_REPORT_HEADER_ROW + 1; r <= total.number; r += 1) sheet.getRow(r).getCell(column).numFmt = VND_FORMAT;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
