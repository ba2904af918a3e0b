import {
  createDocument,
  drawHeading,
  drawPageNumbers,
  drawSignatures,
  drawTitle,
  finishDocument,
  labelledLine,
  numberedList,
  paragraph,
} from '../../platform/pdf/index.js';
import { fillLabel, resolveLabels, type FormApplicant, type FormIssuer, type FormRenderOptions } from './form-common.js';

export interface RefusalInput extends FormIssuer {
  applicant: FormApplicant;
  procedureName: string;
  /** Every reason the dossier cannot be accepted, each stating the rule it breaks. */
  reasons: readonly string[];
  receivingOfficer: { fullName: string };
  /** A dossier refused at the counter usually has no code yet; an online one does. */
  dossierCode?: string;
}

export const REFUSAL_LABELS = {
  title: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  dossierCode: 'Mã hồ sơ: {code}',
  intro: '{agency} tiếp nhận hồ sơ của:',
  applicant: 'Ông/Bà',
  address: 'Địa chỉ',
  phone: 'Số điện thoại',
  procedure: 'Nội dung yêu cầu giải quyết',
  refusal: 'Qua xem xét, {agency} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:',
  closing: 'Xin thông báo để Ông/Bà được biết và thực hiện./.',
  signature: 'Người tiếp nhận hồ sơ',
  page: 'Trang {page}/{total}',
  signatureNote: '(Ký và ghi rõ họ tên)',
};
export type RefusalLabels = typeof REFUSAL_LABELS;

/** Mẫu số 03 — phiếu từ chối tiếp nhận giải quyết hồ sơ (Circular 01/2018/TT-VPCP annex). */
export async function renderRefusal(input: RefusalInput, options: FormRenderOptions<RefusalLabels> = {}): Promise<Buffer> {
  if (input.reasons.length === 0) throw new RangeError('a refusal states at least one reason');
  const labels = resolveLabels(REFUSAL_LABELS, options.labels);
  const doc = createDocument({ title: labels.title, creationDate: options.creationDate });

  drawHeading(doc, input);
  drawTitle(doc, labels.title, input.dossierCode ? fillLabel(labels.dossierCode, { code: input.dossierCode }) : undefined);
  paragraph(doc, fillLabel(labels.intro, { agency: input.agency.name }));
  labelledLine(doc, labels.applicant, input.applicant.fullName);
  labelledLine(doc, labels.address, input.applicant.address);
  labelledLine(doc, labels.phone, input.applicant.phone);
  labelledLine(doc, labels.procedure, input.procedureName);
  paragraph(doc, fillLabel(labels.refusal, { agency: input.agency.name }));
  numberedList(doc, input.reasons);
  paragraph(doc, labels.closing);

  drawSignatures(doc, [{ title: labels.signature, note: labels.signatureNote, name: input.receivingOfficer.fullName }]);
  drawPageNumbers(doc, (page, total) => fillLabel(labels.page, { page: String(page), total: String(total) }), {
    skipSinglePage: true,
  });
  return finishDocument(doc);
}
