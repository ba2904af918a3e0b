import {
  createDocument,
  drawHeading,
  drawPageNumbers,
  drawSignatures,
  drawTable,
  drawTitle,
  finishDocument,
  formatShortDate,
  labelledLine,
  paragraph,
  type PdfRenderOptions,
} from '../../platform/pdf/index.js';
import type { FormIssuer } from '../forms/form-common.js';
import type { PdfSigner } from '../signing/pdf-signer.js';
import { signPdf } from '../signing/sign-pdf.js';
import type { FeeLine } from '../procedures/fees.js';
import { vndInWords } from './amount-in-words.js';

/*
 * Biên lai thu phí, lệ phí (Decree 123/2020/NĐ-CP as amended by Decree 70/2025, Circular 78/2021/TT-BTC).
 * Mẫu số and ký hiệu are registered by each collecting unit with its tax authority: verify these defaults before
 * production and override them through `labels`.
 */
export const RECEIPT_TEMPLATE_NO = '01BLP0-001'; // verify: the unit's registered receipt form
export const RECEIPT_SERIES = 'BL-26E'; // verify: the unit's registered series (ký hiệu)

export interface FeeReceiptInput extends FormIssuer {
  receiptNo: string;
  payer: { fullName: string; address?: string };
  dossierCode: string;
  procedureName: string;
  lines: readonly FeeLine[];
  totalVnd: number;
  /** Hình thức thanh toán, e.g. "Tiền mặt". */
  method: string;
  paidAt: Date;
  /** A duplicate payment (to be refunded) says so on its receipt. */
  duplicate: boolean;
  /** The officer who took the money at the desk; the issuing unit's name otherwise (gateway). */
  collectorName?: string;
}

export const FEE_RECEIPT_LABELS = {
  title: 'Biên lai thu phí, lệ phí',
  templateNo: 'Mẫu số: {templateNo}',
  series: 'Ký hiệu: {series}',
  number: 'Số: {number}',
  payer: 'Tên người nộp',
  address: 'Địa chỉ',
  dossier: 'Mã hồ sơ',
  procedure: 'Thủ tục hành chính',
  columnNumber: 'STT',
  columnName: 'Nội dung thu',
  columnQuantity: 'Số lượng',
  columnAmount: 'Số tiền (đồng)',
  reduction: 'Giảm {percent}% ({name})',
  total: 'Tổng số tiền',
  inWords: 'Số tiền bằng chữ',
  method: 'Hình thức thanh toán',
  paidAt: 'Ngày thu',
  duplicate: 'Khoản thu trùng (hồ sơ đã được thanh toán trước đó): sẽ được hoàn trả cho người nộp.',
  unsigned: 'Biên lai điện tử này chưa được ký số; chữ ký số của đơn vị thu sẽ được bổ sung khi phân hệ ký số đi vào hoạt động.',
  signed: 'Biên lai điện tử được ký số bằng chứng thư số của {unit}; kiểm tra chữ ký tại trang Kiểm tra chữ ký số.',
  signatureReason: 'Biên lai thu phí, lệ phí điện tử',
  payerSignature: 'Người nộp tiền',
  collectorSignature: 'Người thu tiền',
  page: 'Trang {page}/{total}',
};
export type FeeReceiptLabels = typeof FEE_RECEIPT_LABELS;

const money = (amount: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(amount);
const fillIn = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (m, key: string) => values[key] ?? m);

export interface FeeReceiptOptions extends PdfRenderOptions {
  labels?: Partial<FeeReceiptLabels>;
  /** The receiving unit's seal (signing module): the receipt is then signed (PAdES) instead of saying it is not yet. */
  seal?: PdfSigner;
}

/**
 * The receipt as a PDF: issuing unit, number, payer, what was paid line by line, the total in figures and in words.
 * An electronic receipt carries the collecting unit's digital signature (Decree 123/2020 art. 32) when the unit
 * has a seal registered.
 */
export async function renderFeeReceipt(input: FeeReceiptInput, options: FeeReceiptOptions = {}): Promise<Buffer> {
  const labels = { ...FEE_RECEIPT_LABELS, ...options.labels };
  const doc = createDocument({ title: `${labels.title} — ${input.receiptNo}`, creationDate: options.creationDate });
  drawHeading(doc, input);
  drawTitle(doc, labels.title, `${fillIn(labels.templateNo, { templateNo: RECEIPT_TEMPLATE_NO })}   ${fillIn(labels.series, { series: RECEIPT_SERIES })}   ${fillIn(labels.number, { number: input.receiptNo })}`);
  labelledLine(doc, labels.payer, input.payer.fullName);
  labelledLine(doc, labels.address, input.payer.address);
  labelledLine(doc, labels.dossier, input.dossierCode);
  labelledLine(doc, labels.procedure, input.procedureName);
  const rows: string[][] = [];
  input.lines.forEach((line, i) => {
    rows.push([String(i + 1), line.name, String(line.quantity), money(line.amountVnd)]);
    if (line.reduction) rows.push(['', fillIn(labels.reduction, { percent: String(line.reduction.percent), name: line.reduction.name }), '', `-${money(line.reduction.amountVnd)}`]);
  });
  rows.push(['', labels.total, '', money(input.totalVnd)]);
  drawTable(doc, {
    columns: [
      { header: labels.columnNumber, weight: 1, align: 'center' },
      { header: labels.columnName, weight: 9 },
      { header: labels.columnQuantity, weight: 2, align: 'center' },
      { header: labels.columnAmount, weight: 3, align: 'right' },
    ],
    rows,
    fontSize: 10.5,
  });
  labelledLine(doc, labels.inWords, vndInWords(input.totalVnd));
  labelledLine(doc, labels.method, input.method);
  labelledLine(doc, labels.paidAt, formatShortDate(input.paidAt));
  if (input.duplicate) paragraph(doc, labels.duplicate, { bold: true });
  const sealName = options.seal?.describe().name;
  paragraph(doc, sealName ? fillIn(labels.signed, { unit: sealName }) : labels.unsigned, { italic: true, size: 11 });
  drawSignatures(doc, [
    { title: labels.payerSignature, name: input.payer.fullName },
    { title: labels.collectorSignature, name: input.collectorName ?? input.agency.name },
  ]);
  drawPageNumbers(doc, (page, total) => fillIn(labels.page, { page: String(page), total: String(total) }), { skipSinglePage: true });
  const pdf = await finishDocument(doc);
  return options.seal ? signPdf(pdf, options.seal, { reason: labels.signatureReason, location: input.placeName }) : pdf;
}
