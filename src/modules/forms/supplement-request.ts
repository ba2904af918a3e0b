import {
  createDocument,
  drawHeading,
  drawPageNumbers,
  drawSignatures,
  drawTitle,
  finishDocument,
  formatLongDate,
  labelledLine,
  numberedList,
  paragraph,
} from '../../platform/pdf/index.js';
import { fillLabel, resolveLabels, type FormApplicant, type FormIssuer, type FormRenderOptions } from './form-common.js';

export interface SupplementRequestInput extends FormIssuer {
  dossierCode: string;
  applicant: FormApplicant;
  procedureName: string;
  receivedAt: Date;
  /** Every missing or incomplete item, all at once (Decree 61/2018 art. 19: one request lists everything). */
  missingItems: readonly string[];
  reason: string;
  /** Who answers questions while the citizen completes the dossier. */
  contact: { fullName: string; phone: string };
  guidingOfficer: { fullName: string };
}

export const SUPPLEMENT_REQUEST_LABELS = {
  title: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  dossierCode: 'Mã hồ sơ: {code}',
  applicant: 'Hồ sơ của',
  procedure: 'Nội dung yêu cầu giải quyết',
  received: 'Ngày nhận hồ sơ',
  request: 'Sau khi xem xét, {agency} đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:',
  reason: 'Lý do',
  contact:
    'Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với {name}, số điện thoại {phone} để được hướng dẫn.',
  closing: 'Xin trân trọng cảm ơn./.',
  signature: 'Người hướng dẫn',
  page: 'Trang {page}/{total}',
  signatureNote: '(Ký và ghi rõ họ tên)',
};
export type SupplementRequestLabels = typeof SUPPLEMENT_REQUEST_LABELS;

/** Mẫu số 02 — phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Circular 01/2018/TT-VPCP annex). */
export async function renderSupplementRequest(
  input: SupplementRequestInput,
  options: FormRenderOptions<SupplementRequestLabels> = {},
): Promise<Buffer> {
  if (input.missingItems.length === 0) throw new RangeError('a supplement request lists at least one missing item');
  const labels = resolveLabels(SUPPLEMENT_REQUEST_LABELS, options.labels);
  const doc = createDocument({ title: `${labels.title} — ${input.dossierCode}`, creationDate: options.creationDate });

  drawHeading(doc, input);
  drawTitle(doc, labels.title, fillLabel(labels.dossierCode, { code: input.dossierCode }));
  labelledLine(doc, labels.applicant, input.applicant.fullName);
  labelledLine(doc, labels.procedure, input.procedureName);
  labelledLine(doc, labels.received, formatLongDate(input.receivedAt));
  paragraph(doc, fillLabel(labels.request, { agency: input.agency.name }));
  numberedList(doc, input.missingItems);
  labelledLine(doc, labels.reason, input.reason);
  paragraph(doc, fillLabel(labels.contact, { name: input.contact.fullName, phone: input.contact.phone }));
  paragraph(doc, labels.closing);

  drawSignatures(doc, [{ title: labels.signature, note: labels.signatureNote, name: input.guidingOfficer.fullName }]);
  drawPageNumbers(doc, (page, total) => fillLabel(labels.page, { page: String(page), total: String(total) }), {
    skipSinglePage: true,
  });
  return finishDocument(doc);
}
