import {
  createDocument,
  drawHeading,
  drawPageNumbers,
  drawTable,
  drawTitle,
  finishDocument,
  formatShortDateTime,
  labelledLine,
} from '../../platform/pdf/index.js';
import { fillLabel, resolveLabels, type FormApplicant, type FormIssuer, type FormRenderOptions } from './form-common.js';
import { TIMELINESS_LABELS, type Timeliness } from './timeliness.js';

export interface HandoverParty {
  unitName: string;
  personName: string;
}

/** One hand-over of the dossier between units or officers. */
export interface ControlStep {
  /** e.g. "Tiếp nhận hồ sơ", "Thẩm định", "Phê duyệt". */
  name: string;
  handingOver: HandoverParty;
  receiving: HandoverParty;
  handedOverAt: Date;
  deadline?: Date;
  /** Left out while the step is still open; the lifecycle computes it with the working calendar. */
  timeliness?: Timeliness;
  note?: string;
}

export interface ControlSheetInput extends FormIssuer {
  dossierCode: string;
  applicant: FormApplicant;
  procedureName: string;
  receivedAt: Date;
  appointmentAt: Date;
  /** Cơ quan chủ trì giải quyết. */
  leadUnitName: string;
  steps: readonly ControlStep[];
}

export const CONTROL_SHEET_LABELS = {
  title: 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
  dossierCode: 'Mã hồ sơ: {code}',
  applicant: 'Người nộp hồ sơ',
  procedure: 'Thủ tục hành chính',
  leadUnit: 'Cơ quan chủ trì giải quyết',
  received: 'Thời gian nhận hồ sơ',
  appointment: 'Thời gian hẹn trả kết quả',
  columnNumber: 'TT',
  columnStep: 'Bước xử lý',
  columnHandingOver: 'Bên giao (đơn vị, người giao)',
  columnReceiving: 'Bên nhận (đơn vị, người nhận)',
  columnTime: 'Thời gian giao, nhận',
  columnDeadline: 'Hạn xử lý',
  columnResult: 'Kết quả (trước hạn/ đúng hạn/ quá hạn)',
  columnNote: 'Ghi chú',
  inProgress: 'Đang xử lý',
  page: 'Trang {page}/{total}',
};
export type ControlSheetLabels = typeof CONTROL_SHEET_LABELS;

/** Mẫu số 05 — phiếu kiểm soát quá trình giải quyết hồ sơ (Circular 01/2018/TT-VPCP annex). */
export async function renderControlSheet(input: ControlSheetInput, options: FormRenderOptions<ControlSheetLabels> = {}): Promise<Buffer> {
  const labels = resolveLabels(CONTROL_SHEET_LABELS, options.labels);
  const doc = createDocument({ title: `${labels.title} — ${input.dossierCode}`, creationDate: options.creationDate });

  drawHeading(doc, input);
  drawTitle(doc, labels.title, fillLabel(labels.dossierCode, { code: input.dossierCode }));
  labelledLine(doc, labels.applicant, input.applicant.fullName);
  labelledLine(doc, labels.procedure, input.procedureName);
  labelledLine(doc, labels.leadUnit, input.leadUnitName);
  labelledLine(doc, labels.received, formatShortDateTime(input.receivedAt));
  labelledLine(doc, labels.appointment, formatShortDateTime(input.appointmentAt));
  doc.moveDown(0.3);

  const party = (p: HandoverParty) => `${p.unitName}\n${p.personName}`;
  drawTable(doc, {
    columns: [
      { header: labels.columnNumber, weight: 0.8, align: 'center' },
      { header: labels.columnStep, weight: 2.6 },
      { header: labels.columnHandingOver, weight: 3.4 },
      { header: labels.columnReceiving, weight: 3.4 },
      { header: labels.columnTime, weight: 2.2, align: 'center' },
      { header: labels.columnDeadline, weight: 2.2, align: 'center' },
      { header: labels.columnResult, weight: 2.2, align: 'center' },
      { header: labels.columnNote, weight: 2 },
    ],
    rows: input.steps.map((step, i) => [
      String(i + 1),
      step.name,
      party(step.handingOver),
      party(step.receiving),
      formatShortDateTime(step.handedOverAt),
      step.deadline ? formatShortDateTime(step.deadline) : '',
      step.timeliness ? TIMELINESS_LABELS[step.timeliness] : labels.inProgress,
      step.note ?? '',
    ]),
    fontSize: 9,
  });
  drawPageNumbers(doc, (page, total) => fillLabel(labels.page, { page: String(page), total: String(total) }));
  return finishDocument(doc);
}
