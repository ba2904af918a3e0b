import { parse, CsvError } from 'csv-parse/sync';
import type { Language } from '../../platform/i18n/language.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';

/** The gateway's daily transaction file (payments contract, "Daily file CSV"), columns in this order. */
export const GATEWAY_FILE_COLUMNS = ['txn_ref', 'transaction_no', 'amount_vnd', 'bank_code', 'pay_date', 'status'] as const;
type Column = (typeof GATEWAY_FILE_COLUMNS)[number];
export type GatewayFileRow = Record<Column, string>;

/** '00' success, '02' failed (vnp_TransactionStatus). */
export const GatewayRowStatus = { Success: '00', Failed: '02' } as const;

/** A day's file of a provincial merchant is a few thousand lines; far above that is not a gateway file. */
export const GATEWAY_FILE_MAX_BYTES = 5 * 1024 * 1024;
/** Enough problems to fix a file by; a wholly wrong file would otherwise produce one per cell. */
const MAX_REPORTED_ERRORS = 50;

const PAY_DATE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

const MESSAGES = {
  notCsv: { vi: 'Tệp không đọc được dưới dạng CSV ({reason}).', en: 'The file cannot be read as CSV ({reason}).' },
  empty: { vi: 'Tệp không có dòng tiêu đề.', en: 'The file has no header line.' },
  header: {
    vi: `Dòng tiêu đề phải là: ${GATEWAY_FILE_COLUMNS.join(',')}.`,
    en: `The header line must be: ${GATEWAY_FILE_COLUMNS.join(',')}.`,
  },
  columns: { vi: 'Dòng {row} (dòng {line} của tệp) phải có đúng 6 cột.', en: 'Row {row} (line {line}) must have exactly 6 columns.' },
  txnRef: { vi: 'Dòng {row}: thiếu mã giao dịch (txn_ref).', en: 'Row {row}: the transaction reference is empty.' },
  duplicate: { vi: 'Dòng {row}: mã giao dịch {txnRef} đã có ở dòng {first}.', en: 'Row {row}: {txnRef} already appears in row {first}.' },
  amount: { vi: 'Dòng {row}: số tiền phải là số nguyên không âm (đồng).', en: 'Row {row}: the amount must be a whole number of đồng, not negative.' },
  payDate: { vi: 'Dòng {row}: ngày thanh toán phải có dạng yyyyMMddHHmmss.', en: 'Row {row}: the payment time must be yyyyMMddHHmmss.' },
  status: { vi: 'Dòng {row}: trạng thái phải là 00 (thành công) hoặc 02 (không thành công).', en: 'Row {row}: the status must be 00 (success) or 02 (failed).' },
} satisfies Record<string, Record<Language, string>>;

function message(key: keyof typeof MESSAGES, language: Language, params: Record<string, string | number> = {}): string {
  return MESSAGES[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** yyyyMMddHHmmss (local time) → yyyy-MM-dd, or undefined when it is not a real instant. */
export function localDateOfPayDate(payDate: string): string | undefined {
  const match = PAY_DATE.exec(payDate);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const check = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return `${match[1]}-${match[2]}-${match[3]}`;
}

/**
 * Reads the whole file or refuses it: 400 VALIDATION_FAILED with one error per bad cell, at
 * `/file/row/{n}/{column}` where n counts transactions from 1 (the header is not a row; line = n + 1).
 */
export function parseGatewayFile(content: Buffer, language: Language): GatewayFileRow[] {
  let records: string[][];
  try {
    records = parse(content, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const reason = error.lines ? `line ${error.lines}` : error.code;
    throw invalid([{ path: '/file', message: message('notCsv', language, { reason }) }]);
  }
  const [header, ...body] = records;
  if (!header) throw invalid([{ path: '/file', message: message('empty', language) }]);
  if (header.length !== GATEWAY_FILE_COLUMNS.length || header.some((name, i) => name.toLowerCase() !== GATEWAY_FILE_COLUMNS[i])) {
    throw invalid([{ path: '/file/header', message: message('header', language) }]);
  }

  const errors: FieldError[] = [];
  const rows: GatewayFileRow[] = [];
  const firstRowOf = new Map<string, number>();
  body.forEach((cells, index) => {
    const row = index + 1;
    const at = (column: Column) => `/file/row/${row}/${column}`;
    if (cells.length !== GATEWAY_FILE_COLUMNS.length) {
      errors.push({ path: `/file/row/${row}`, message: message('columns', language, { row, line: row + 1 }) });
      return;
    }
    const record = Object.fromEntries(GATEWAY_FILE_COLUMNS.map((column, i) => [column, cells[i]])) as GatewayFileRow;
    if (record.txn_ref === '') errors.push({ path: at('txn_ref'), message: message('txnRef', language, { row }) });
    else if (firstRowOf.has(record.txn_ref)) {
      const first = firstRowOf.get(record.txn_ref)!;
      errors.push({ path: at('txn_ref'), message: message('duplicate', language, { row, first, txnRef: record.txn_ref }) });
    } else firstRowOf.set(record.txn_ref, row);
    if (!/^\d{1,15}$/.test(record.amount_vnd)) errors.push({ path: at('amount_vnd'), message: message('amount', language, { row }) });
    if (!localDateOfPayDate(record.pay_date)) errors.push({ path: at('pay_date'), message: message('payDate', language, { row }) });
    if (record.status !== GatewayRowStatus.Success && record.status !== GatewayRowStatus.Failed) {
      errors.push({ path: at('status'), message: message('status', language, { row }) });
    }
    rows.push(record);
  });
  if (errors.length > 0) throw invalid(errors.slice(0, MAX_REPORTED_ERRORS));
  return rows;
}

function invalid(errors: FieldError[]): AppError {
  return new AppError('VALIDATION_FAILED', {}, errors);
}
