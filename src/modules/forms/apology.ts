import {
  createDocument,
  drawHeading,
  drawPageNumbers,
  drawSignatures,
  drawTitle,
  finishDocument,
  formatLongDate,
  formatLongDateTime,
  labelledLine,
  paragraph,
} from '../../platform/pdf/index.js';
import { fillLabel, resolveLabels, type FormApplicant, type FormIssuer, type FormRenderOptions } from './form-common.js';

export interface ApologyInput extends FormIssuer {
  dossierCode: string;
  applicant: FormApplicant;
  procedureName: string;
  receivedAt: Date;
  /** The appointment the agency will miss. */
  previousAppointmentAt: Date;
  /** The new appointment it commits to. */
  newAppointmentAt: Date;
  reasonForDelay: string;
  /** Thủ trưởng cơ quan — the head who apologises on the agency's behalf. */
  signer: { title: string; fullName: string };
}

export const APOLOGY_LABELS = {
  title: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
  dossierCode: 'Mã hồ sơ: {code}',
  received: 'Ngày {date}, {agency} tiếp nhận, giải quyết hồ sơ của:',
  applicant: 'Ông/Bà',
  procedure: 'Nội dung yêu cầu giải quyết',
  previousAppointment: 'Thời gian hẹn trả kết quả giải quyết hồ sơ',
  notYet: 'Tuy nhiên đến nay, {agency} chưa trả kết quả giải quyết hồ sơ cho Ông/Bà.',
  reason: 'Lý do',
  apology: 'Sự chậm trễ này đã gây phiền hà cho Ông/Bà. {agency} xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào',
  closing: 'Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.',
  page: 'Trang {page}/{total}',
  signatureNote: '(Ký, ghi rõ họ tên và đóng dấu)',
};
export type ApologyLabels = typeof APOLOGY_LABELS;

/**
 * Mẫu số 04 — phiếu xin lỗi và hẹn lại ngày trả kết quả (Circular 01/2018/TT-VPCP annex); the agency
 * must send it before the missed appointment (Decree 61/2018 art. 19).
 */
export async function renderApology(input: ApologyInput, options: FormRenderOptions<ApologyLabels> = {}): Promise<Buffer> {
  if (input.newAppointmentAt.getTime() <= input.previousAppointmentAt.getTime()) {
    throw new RangeError('the new appointment must come after the missed one');
  }
  const labels = resolveLabels(APOLOGY_LABELS, options.labels);
  const doc = createDocument({ title: `${labels.title} — ${input.dossierCode}`, creationDate: options.creationDate });
  const agency = input.agency.name;

  drawHeading(doc, input);
  drawTitle(doc, labels.title, fillLabel(labels.dossierCode, { code: input.dossierCode }));
  paragraph(doc, fillLabel(labels.received, { date: formatLongDate(input.receivedAt).replace(/^ngày /, ''), agency }));
  labelledLine(doc, labels.applicant, input.applicant.fullName);
  labelledLine(doc, labels.procedure, input.procedureName);
  labelledLine(doc, labels.previousAppointment, formatLongDateTime(input.previousAppointmentAt));
  paragraph(doc, fillLabel(labels.notYet, { agency }));
  labelledLine(doc, labels.reason, input.reasonForDelay);
  paragraph(doc, `${fillLabel(labels.apology, { agency })} ${formatLongDateTime(input.newAppointmentAt)}.`);
  paragraph(doc, labels.closing);

  drawSignatures(doc, [{ title: input.signer.title, note: labels.signatureNote, name: input.signer.fullName }]);
  drawPageNumbers(doc, (page, total) => fillLabel(labels.page, { page: String(page), total: String(total) }), {
    skipSinglePage: true,
  });
  return finishDocument(doc);
}
