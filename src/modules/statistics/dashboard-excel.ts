import ExcelJS from 'exceljs';
import { ChartCode, CHART_CODES, type ChartCodeValue, type Dashboard } from './statistics.schema.js';

/** Row of the column headers: the title, the unit and the period sit above it. */
export const HEADER_ROW = 5;
const PERCENT = '0.0%';

type Cell = string | number | null;
interface Table {
  sheet: string;
  title: string;
  headers: string[];
  rows: Cell[][];
  /** 1-based columns holding rates (0..1), shown as percentages. */
  percentColumns: number[];
  /** 1-based column of the names (wide). */
  labelColumn: number;
}

export const CHART_SHEETS: Record<ChartCodeValue, string> = {
  [ChartCode.ByUnit]: 'Theo đơn vị',
  [ChartCode.ByProcedure]: 'Theo thủ tục',
  [ChartCode.Trend]: 'Theo tháng',
  [ChartCode.Channels]: 'Kênh tiếp nhận',
  [ChartCode.Payments]: 'Thanh toán',
  [ChartCode.Documents]: 'Văn bản',
};

export const displayDate = (localDate: string) => `${localDate.slice(8, 10)}/${localDate.slice(5, 7)}/${localDate.slice(0, 4)}`;
const displayMonth = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

function tableOf(dashboard: Dashboard, chart: ChartCodeValue): Table {
  const sheet = CHART_SHEETS[chart];
  switch (chart) {
    case ChartCode.ByUnit:
      return {
        sheet,
        title: 'HỒ SƠ THỦ TỤC HÀNH CHÍNH THEO ĐƠN VỊ',
        headers: ['STT', 'Đơn vị', 'Tiếp nhận', 'Đã giải quyết', 'Đang giải quyết', 'Quá hạn', 'Đúng hạn', 'Trễ hạn', 'Tỉ lệ đúng hạn'],
        rows: dashboard.byUnit.map((r, i) => [i + 1, r.own ? `${r.unit.name} (trực tiếp)` : r.unit.name, r.received, r.finished, r.pending, r.overdue, r.onTime, r.late, r.onTimeRate]),
        percentColumns: [9],
        labelColumn: 2,
      };
    case ChartCode.ByProcedure:
      return {
        sheet,
        title: 'HỒ SƠ THEO THỦ TỤC HÀNH CHÍNH',
        headers: ['STT', 'Mã thủ tục', 'Tên thủ tục', 'Tiếp nhận', 'Đã giải quyết', 'Đang giải quyết', 'Tỉ lệ đúng hạn'],
        rows: dashboard.byProcedure.map((r, i) => [i + 1, r.procedureCode, r.procedureName, r.received, r.finished, r.pending, r.onTimeRate]),
        percentColumns: [7],
        labelColumn: 3,
      };
    case ChartCode.Trend:
      return {
        sheet,
        title: 'TIẾN ĐỘ GIẢI QUYẾT HỒ SƠ THEO THÁNG',
        headers: ['Tháng', 'Tiếp nhận', 'Đã giải quyết', 'Đúng hạn', 'Trễ hạn', 'Tỉ lệ đúng hạn'],
        rows: dashboard.trend.map((r) => [displayMonth(r.month), r.received, r.finished, r.onTime, r.late, r.onTimeRate]),
        percentColumns: [6],
        labelColumn: 0,
      };
    case ChartCode.Channels: {
      const { online, counter, postal } = dashboard.channels;
      const total = online + counter + postal;
      const share = (n: number) => (total > 0 ? n / total : null);
      return {
        sheet,
        title: 'HỒ SƠ TIẾP NHẬN THEO KÊNH',
        headers: ['Kênh tiếp nhận', 'Số hồ sơ', 'Tỉ lệ'],
        rows: [
          ['Trực tuyến', online, share(online)],
          ['Trực tiếp tại bộ phận một cửa', counter, share(counter)],
          ['Qua dịch vụ bưu chính công ích', postal, share(postal)],
          ['Tổng cộng', total, total > 0 ? 1 : null],
        ],
        percentColumns: [3],
        labelColumn: 1,
      };
    }
    case ChartCode.Payments:
      return {
        sheet,
        title: 'THANH TOÁN PHÍ, LỆ PHÍ VÀ MỨC ĐỘ HÀI LÒNG',
        headers: ['Chỉ tiêu', 'Giá trị'],
        rows: [
          ['Hồ sơ phải nộp phí, lệ phí', dashboard.payments.feeRequired],
          ['Hồ sơ đã nộp phí, lệ phí', dashboard.payments.paid],
          ['Hồ sơ thanh toán trực tuyến', dashboard.payments.paidOnline],
          ['Tỉ lệ thanh toán trực tuyến', dashboard.payments.paidOnlineShare],
          ['Hồ sơ được đánh giá', dashboard.satisfaction.rated],
          ['Đánh giá không hài lòng', dashboard.satisfaction.negative],
          ['Chỉ số hài lòng', dashboard.satisfaction.index],
        ],
        percentColumns: [],
        labelColumn: 1,
      };
    case ChartCode.Documents:
      return {
        sheet,
        title: 'VĂN BẢN ĐẾN, VĂN BẢN ĐI THEO THÁNG',
        headers: ['Tháng', 'Văn bản đến', 'Văn bản đi'],
        rows: [
          ...dashboard.documents.trend.map((r) => [displayMonth(r.month), r.incoming, r.outgoing] as Cell[]),
          [],
          ['Văn bản đến quá hạn xử lý', dashboard.documents.overdue, null],
          ...dashboard.documents.overdueByUnit.map((r) => [`  ${r.own ? `${r.unit.name} (trực tiếp)` : r.unit.name}`, r.count, null] as Cell[]),
        ],
        percentColumns: [],
        labelColumn: 1,
      };
  }
}

/** Rows of the payments sheet that hold rates (their second cell is a share, shown as a percentage). */
const PAYMENT_RATE_ROWS = [3, 6];

/** The dashboard's chart tables as .xlsx: one sheet per chart (or the one asked), Vietnamese headers, dd/MM/yyyy dates. */
export async function dashboardWorkbook(dashboard: Dashboard, chart?: ChartCodeValue): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Chính quyền số';
  for (const code of chart ? [chart] : CHART_CODES) {
    const table = tableOf(dashboard, code);
    const sheet = workbook.addWorksheet(table.sheet);
    sheet.getCell('A1').value = table.title;
    sheet.getCell('A1').font = { bold: true, size: 14 };
    sheet.getCell('A2').value = `Đơn vị: ${dashboard.unit.name}`;
    sheet.getCell('A3').value = `Từ ngày ${displayDate(dashboard.from)} đến ngày ${displayDate(dashboard.to)}`;
    const header = sheet.getRow(HEADER_ROW);
    header.values = table.headers;
    header.font = { bold: true };
    table.rows.forEach((values, i) => {
      const row = sheet.getRow(HEADER_ROW + 1 + i);
      row.values = values.map((v) => v ?? '');
      for (const column of table.percentColumns) row.getCell(column).numFmt = PERCENT;
      if (code === ChartCode.Payments && PAYMENT_RATE_ROWS.includes(i)) row.getCell(2).numFmt = PERCENT;
    });
    table.headers.forEach((_, i) => {
      sheet.getColumn(i + 1).width = i + 1 === table.labelColumn ? 48 : 16;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
