import {
  contentBottom,
  contentWidth,
  createDocument,
  drawHeading,
  drawPageNumbers,
  drawQrCode,
  drawSignatures,
  drawTable,
  drawTitle,
  finishDocument,
  formatLongDateTime,
  labelledLine,
  paragraph,
} from '../../platform/pdf/index.js';
import { fillLabel, resolveLabels, trackingUrl, type FormApplicant, type FormIssuer, type FormRenderOptions } from './form-common.js';

/** One document handed over at the counter (thành phần hồ sơ). */
export interface ReceivedDocument {
  name: string;
  /** Hình thức — e.g. "Bản chính", "Bản sao chứng thực". */
  kind?: string;
  count: number;
}

export interface ReceiptInput extends FormIssuer {
  dossierCode: string;
  /** PUBLIC_URL of the portal; the QR code links to `${publicUrl}/tracking/${dossierCode}`. */
  publicUrl: string;
  applicant: FormApplicant;
  procedureName: string;
  documents: readonly ReceivedDocument[];
  /** Số lượng hồ sơ (bộ). */
  dossierSets: number;
  /** Thời gian giải quyết theo quy định, as the procedure states it, e.g. "05 ngày làm việc". */
  processingTime: string;
  receivedAt: Date;
  appointmentAt: Date;
  /** Đăng ký nhận kết quả tại — e.g. "Bộ phận Một cửa" or "Dịch vụ bưu chính công ích". */
  resultDelivery: string;
  receivingOfficer: { fullName: string };
}

export const RECEIPT_LABELS = {
  title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  dossierCode: 'Mã hồ sơ: {code}',
  intro: '{agency} tiếp nhận hồ sơ của:',
  applicant: 'Ông/Bà',
  address: 'Địa chỉ',
  phone: 'Số điện thoại',
  email: 'Thư điện tử',
  procedure: 'Nội dung yêu cầu giải quyết',
  documents: '1. Thành phần hồ sơ nộp gồm:',
  columnNumber: 'TT',
  columnDocument: 'Tên giấy tờ',
  columnKind: 'Hình thức',
  columnCount: 'Số lượng',
  dossierSets: '2. Số lượng hồ sơ',
  dossierSetsUnit: '{count} bộ',
  processingTime: '3. Thời gian giải quyết hồ sơ theo quy định',
  receivedAt: '4. Thời gian nhận hồ sơ',
  appointmentAt: '5. Thời gian trả kết quả giải quyết hồ sơ',
  resultDelivery: '6. Đăng ký nhận kết quả tại',
  tracking: 'Quét mã QR hoặc truy cập {url} để tra cứu tình trạng hồ sơ.',
  applicantSignature: 'Người nộp hồ sơ',
  officerSignature: 'Người tiếp nhận hồ sơ',
  page: 'Trang {page}/{total}',
  signatureNote: '(Ký và ghi rõ họ tên)',
};
export type ReceiptLabels = typeof RECEIPT_LABELS;

const QR_SIZE = 78;

/** Mẫu số 01 — giấy tiếp nhận hồ sơ và hẹn trả kết quả (Circular 01/2018/TT-VPCP annex). */
export async function renderReceipt(input: ReceiptInput, options: FormRenderOptions<ReceiptLabels> = {}): Promise<Buffer> {
  const labels = resolveLabels(RECEIPT_LABELS, options.labels);
  const url = trackingUrl(input.publicUrl, input.dossierCode);
  const doc = createDocument({ title: `${labels.title} — ${input.dossierCode}`, creationDate: options.creationDate });

  drawHeading(doc, input);
  drawTitle(doc, labels.title, fillLabel(labels.dossierCode, { code: input.dossierCode }));

  paragraph(doc, fillLabel(labels.intro, { agency: input.agency.name }));
  labelledLine(doc, labels.applicant, input.applicant.fullName);
  labelledLine(doc, labels.address, input.applicant.address);
  labelledLine(doc, labels.phone, input.applicant.phone);
  if (input.applicant.email) labelledLine(doc, labels.email, input.applicant.email);
  labelledLine(doc, labels.procedure, input.procedureName);

  paragraph(doc, labels.documents, { bold: true });
  drawTable(doc, {
    columns: [
      { header: labels.columnNumber, weight: 1, align: 'center' },
      { header: labels.columnDocument, weight: 9 },
      { header: labels.columnKind, weight: 4, align: 'center' },
      { header: labels.columnCount, weight: 2.2, align: 'center' },
    ],
    rows: input.documents.map((document, i) => [String(i + 1), document.name, document.kind ?? '', String(document.count)]),
    fontSize: 10.5,
  });
  labelledLine(doc, labels.dossierSets, fillLabel(labels.dossierSetsUnit, { count: String(input.dossierSets) }));
  labelledLine(doc, labels.processingTime, input.processingTime);
  labelledLine(doc, labels.receivedAt, formatLongDateTime(input.receivedAt));
  labelledLine(doc, labels.appointmentAt, formatLongDateTime(input.appointmentAt));
  labelledLine(doc, labels.resultDelivery, input.resultDelivery);
  // The QR code and its explanation side by side, so the citizen sees what the code is for.
  if (doc.y + QR_SIZE > contentBottom(doc)) doc.addPage();
  const qrTop = doc.y + 2;
  const left = doc.page.margins.left;
  drawQrCode(doc, url, left, qrTop, QR_SIZE);
  doc.y = qrTop + 18;
  paragraph(doc, fillLabel(labels.tracking, { url }), { italic: true, x: left + QR_SIZE + 8, width: contentWidth(doc) - QR_SIZE - 8, size: 11 });
  doc.x = left;
  doc.y = Math.max(doc.y, qrTop + QR_SIZE);

  drawSignatures(doc, [
    { title: labels.applicantSignature, note: labels.signatureNote, name: input.applicant.fullName },
    { title: labels.officerSignature, note: labels.signatureNote, name: input.receivingOfficer.fullName },
  ]);
  drawPageNumbers(doc, (page, total) => fillLabel(labels.page, { page: String(page), total: String(total) }), {
    skipSinglePage: true,
  });
  return finishDocument(doc);
}
