import {
  createDocument,
  drawHeading,
  drawPageNumbers,
  drawTable,
  drawTitle,
  finishDocument,
  formatShortDate,
  formatShortDateTime,
  MM,
} from '../../platform/pdf/index.js';
import { fillLabel, resolveLabels, type FormIssuer, type FormRenderOptions } from './form-common.js';
import { TIMELINESS_LABELS, type Timeliness } from './timeliness.js';

/** One line of the register: one dossier from receipt to return. */
export interface RegisterEntry {
  dossierCode: string;
  procedureName: string;
  dossierSets: number;
  applicantName: string;
  /** Địa chỉ, số điện thoại — printed as given. */
  applicantContact: string;
  leadUnitName: string;
  receivedAt: Date;
  appointmentAt: Date;
  /** Ngày có kết quả hoặc yêu cầu bổ sung. */
  resultAt?: Date;
  returnedAt?: Date;
  timeliness?: Timeliness;
  note?: string;
}

export interface DossierRegisterInput extends FormIssuer {
  /** The period the register covers (local dates, inclusive). */
  periodFrom: Date;
  periodTo: Date;
  entries: readonly RegisterEntry[];
}

export const DOSSIER_REGISTER_LABELS = {
  title: 'Sổ theo dõi hồ sơ',
  period: 'Từ ngày {from} đến ngày {to}',
  columnNumber: 'STT',
  columnCode: 'Mã hồ sơ',
  columnProcedure: 'Tên thủ tục hành chính',
  columnSets: 'Số bộ hồ sơ',
  columnApplicant: 'Tên cá nhân, tổ chức',
  columnContact: 'Địa chỉ, số điện thoại',
  columnLeadUnit: 'Cơ quan chủ trì giải quyết',
  columnReceived: 'Nhận hồ sơ',
  columnAppointment: 'Hẹn trả kết quả',
  columnResult: 'Có kết quả / yêu cầu bổ sung',
  columnReturned: 'Trả kết quả',
  columnTimeliness: 'Tiến độ',
  columnSignature: 'Ký nhận',
  columnNote: 'Ghi chú',
  empty: 'Không có hồ sơ trong kỳ.',
  page: 'Trang {page}/{total}',
};
export type DossierRegisterLabels = typeof DOSSIER_REGISTER_LABELS;

/** Time over date in a narrow cell, so a date never breaks in the middle. */
function cellDateTime(instant: Date | undefined): string {
  return instant ? formatShortDateTime(instant).replace(' ', '\n') : '';
}

/**
 * Mẫu số 06 — sổ theo dõi hồ sơ (Circular 01/2018/TT-VPCP annex): landscape, one row per dossier,
 * the header repeated on every page and every page numbered so a printed register stays complete.
 */
export async function renderDossierRegister(
  input: DossierRegisterInput,
  options: FormRenderOptions<DossierRegisterLabels> = {},
): Promise<Buffer> {
  const labels = resolveLabels(DOSSIER_REGISTER_LABELS, options.labels);
  const doc = createDocument({
    title: labels.title,
    orientation: 'landscape',
    // A register is a working book, not a letter: a narrower margin leaves room for fourteen columns.
    margins: { top: 15 * MM, bottom: 15 * MM, left: 20 * MM, right: 12 * MM },
    creationDate: options.creationDate,
  });

  drawHeading(doc, input);
  drawTitle(doc, labels.title, fillLabel(labels.period, { from: formatShortDate(input.periodFrom), to: formatShortDate(input.periodTo) }));
  drawTable(doc, {
    columns: [
      { header: labels.columnNumber, weight: 1, align: 'center' },
      { header: labels.columnCode, weight: 4.1 },
      { header: labels.columnProcedure, weight: 3.8 },
      { header: labels.columnSets, weight: 1.4, align: 'center' },
      { header: labels.columnApplicant, weight: 2.8 },
      { header: labels.columnContact, weight: 3.7 },
      { header: labels.columnLeadUnit, weight: 2.6 },
      { header: labels.columnReceived, weight: 2.5, align: 'center' },
      { header: labels.columnAppointment, weight: 2.5, align: 'center' },
      { header: labels.columnResult, weight: 2.5, align: 'center' },
      { header: labels.columnReturned, weight: 2.5, align: 'center' },
      { header: labels.columnTimeliness, weight: 1.7, align: 'center' },
      { header: labels.columnSignature, weight: 1.5 },
      { header: labels.columnNote, weight: 1.5 },
    ],
    rows: input.entries.map((entry, i) => [
      String(i + 1),
      entry.dossierCode,
      entry.procedureName,
      String(entry.dossierSets),
      entry.applicantName,
      entry.applicantContact,
      entry.leadUnitName,
      cellDateTime(entry.receivedAt),
      cellDateTime(entry.appointmentAt),
      cellDateTime(entry.resultAt),
      cellDateTime(entry.returnedAt),
      entry.timeliness ? TIMELINESS_LABELS[entry.timeliness] : '',
      '',
      entry.note ?? '',
    ]),
    fontSize: 8,
    emptyText: labels.empty,
  });
  drawPageNumbers(doc, (page, total) => fillLabel(labels.page, { page: String(page), total: String(total) }));
  return finishDocument(doc);
}
