import type { Actor } from '../../platform/auth/actor.js';
import { ancestorIds } from '../../platform/auth/access.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/database/database.js';
import type { DossierEventRow, DossierRow } from '../../platform/database/schema.js';
import { AppError } from '../../platform/errors/app-error.js';
import {
  renderApology,
  renderControlSheet,
  renderReceipt,
  renderRefusal,
  renderSupplementRequest,
  TIMELINESS,
  type ControlStep,
  type FormApplicant,
  type FormIssuer,
  type HandoverParty,
  type ReceivedDocument,
  type Timeliness,
} from '../forms/index.js';
import type { Duration, ProcedureDocument } from '../procedures/procedures.schema.js';
import { viewDossier } from './dossier-access.js';
import { loadSetting } from './dossier-detail.js';
import { ACTION_LABELS, ComponentSource, DossierChannel, type DossierActionCode } from './dossier-status.js';
import type { Applicant, FormParams } from './dossiers.schema.js';
import { findDossier, listComponents, listEvents, unitsById, type UnitRef } from './dossiers.repository.js';
import type { EventDetails } from './present-dossier.js';

export type DossierFormName = FormParams['form'];

export interface FormRequest {
  context: AuditContext;
  actor: Actor;
  code: string;
  form: DossierFormName;
  /** PUBLIC_URL: the receipt's QR code opens the public tracking page there. */
  publicUrl: string;
}

// "UBND tỉnh Điện Biên" → "Điện Biên". Kept simple on purpose: the place name is the province's name without
// its body prefix; a unit table has no separate địa danh field yet (Decree 30/2020 allows the province's name).
const PROVINCE_BODY_PREFIX = /^\s*(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(tỉnh|thành phố)\s+/iu;

export function placeNameOf(provinceName: string): string {
  return provinceName.normalize('NFC').replace(PROVINCE_BODY_PREFIX, '').trim();
}

/** The issuing unit with its superior body (cơ quan chủ quản) and the place name of its province root. */
export async function issuerOf(db: Executor, unitId: number, issuedAt: Date): Promise<FormIssuer> {
  const chain = await ancestorIds(db, unitId);
  const units = await unitsById(db, chain);
  const unit = units.get(unitId);
  if (!unit) throw new AppError('NOT_FOUND');
  const parent = chain.length > 1 ? units.get(chain[1]) : undefined;
  const root = units.get(chain[chain.length - 1]) ?? unit;
  return { agency: { name: unit.name, ...(parent ? { superiorName: parent.name } : {}) }, placeName: placeNameOf(root.name), issuedAt };
}

export function formApplicant(row: Pick<DossierRow, 'applicant'>): FormApplicant {
  const applicant = JSON.parse(row.applicant) as Applicant;
  return {
    fullName: applicant.fullName,
    ...(applicant.address ? { address: applicant.address } : {}),
    ...(applicant.phone ? { phone: applicant.phone } : {}),
    ...(applicant.email ? { email: applicant.email } : {}),
  };
}

export function asTimeliness(value: string | null): Timeliness | undefined {
  return TIMELINESS.find((t) => t === value);
}

/** "10 ngày làm việc", "04 giờ làm việc" — the processing time as the annex forms print it. */
function processingTimeText(duration: Duration): string {
  const amount = Number.isInteger(duration.amount) && duration.amount < 10 ? `0${duration.amount}` : String(duration.amount);
  return `${amount} ${duration.unit === 'working_days' ? 'ngày làm việc' : 'giờ làm việc'}`;
}

interface FormSource {
  db: Db;
  row: DossierRow;
  document: ProcedureDocument;
  events: DossierEventRow[];
  units: Map<number, UnitRef>;
  publicUrl: string;
}

const detailsOf = (event: DossierEventRow) => JSON.parse(event.details) as EventDetails;
const latest = (events: DossierEventRow[], action: DossierActionCode) => events.filter((e) => e.action === action).at(-1);
const unitName = (source: FormSource, id: number | null) => (id === null ? '' : (source.units.get(id)?.name ?? ''));

function requireEvent(source: FormSource, action: DossierActionCode): DossierEventRow {
  const event = latest(source.events, action);
  // The form exists only once its action happened (e.g. no receipt before `receive`).
  if (!event) throw new AppError('NOT_FOUND');
  return event;
}

/** Thành phần hồ sơ handed in up to the receipt: files (uploaded or reused) and papers handed over at the counter. */
async function receivedDocuments(source: FormSource, upToSeq: number): Promise<ReceivedDocument[]> {
  const components = (await listComponents(source.db, source.row.id)).filter((c) => Number(c.event_seq) <= upToSeq);
  return components.map((component) => {
    const requirement = source.document.requirements.find((r) => r.code === component.requirement_code);
    const onPaper = component.source === ComponentSource.Paper || component.source === ComponentSource.Scan;
    if (!onPaper) return { name: component.requirement_name, kind: 'Bản điện tử', count: 1 };
    const original = (requirement?.originals ?? 0) > 0;
    const count = original ? requirement!.originals : Math.max(1, requirement?.copies ?? 1);
    return { name: component.requirement_name, kind: original ? 'Bản chính' : 'Bản sao', count };
  });
}

async function receipt(source: FormSource): Promise<Buffer> {
  const { row } = source;
  const event = requireEvent(source, 'receive');
  const receivedAt = new Date(event.at);
  return renderReceipt({
    ...(await issuerOf(source.db, row.receiving_unit_id, receivedAt)),
    dossierCode: row.code,
    publicUrl: source.publicUrl,
    applicant: formApplicant(row),
    procedureName: row.procedure_name,
    documents: await receivedDocuments(source, Number(event.seq)),
    dossierSets: 1,
    processingTime: processingTimeText(source.document.processingTime),
    receivedAt,
    // The appointment given at receipt; later pauses and apologies move due_at, never the receipt.
    appointmentAt: new Date(row.original_due_at ?? row.due_at ?? event.at),
    resultDelivery: row.channel === DossierChannel.Postal ? 'Dịch vụ bưu chính công ích' : unitName(source, row.receiving_unit_id),
    receivingOfficer: { fullName: event.actor_name ?? '' },
  });
}

async function supplementRequest(source: FormSource): Promise<Buffer> {
  const { row } = source;
  const event = requireEvent(source, 'request_supplement');
  const officer = event.actor_id === null ? undefined : await source.db.selectFrom('users').select(['full_name', 'phone']).where('id', '=', event.actor_id).executeTakeFirst();
  const fullName = event.actor_name ?? officer?.full_name ?? '';
  return renderSupplementRequest(
    {
      ...(await issuerOf(source.db, row.receiving_unit_id, new Date(event.at))),
      dossierCode: row.code,
      applicant: formApplicant(row),
      procedureName: row.procedure_name,
      receivedAt: new Date(row.received_at ?? row.submitted_at),
      missingItems: detailsOf(event).items ?? [],
      reason: event.note ?? 'Hồ sơ chưa đầy đủ, hợp lệ theo quy định.',
      contact: { fullName, phone: officer?.phone ?? '' },
      guidingOfficer: { fullName },
    },
    // An officer without a phone number on file: the sentence names whom to ask, without an empty number.
    officer?.phone ? {} : { labels: { contact: 'Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với {name} để được hướng dẫn.' } },
  );
}

async function refusal(source: FormSource): Promise<Buffer> {
  const { row } = source;
  const event = requireEvent(source, 'refuse_intake');
  return renderRefusal({
    ...(await issuerOf(source.db, row.receiving_unit_id, new Date(event.at))),
    dossierCode: row.code,
    applicant: formApplicant(row),
    procedureName: row.procedure_name,
    reasons: detailsOf(event).reasons ?? [],
    receivingOfficer: { fullName: event.actor_name ?? '' },
  });
}

async function apology(source: FormSource): Promise<Buffer> {
  const { row } = source;
  const event = requireEvent(source, 'apologise');
  const details = detailsOf(event);
  return renderApology({
    ...(await issuerOf(source.db, row.receiving_unit_id, new Date(event.at))),
    dossierCode: row.code,
    applicant: formApplicant(row),
    procedureName: row.procedure_name,
    receivedAt: new Date(row.received_at ?? row.submitted_at),
    previousAppointmentAt: new Date(details.previousDueAt ?? event.at),
    newAppointmentAt: new Date(details.newDueAt ?? event.at),
    reasonForDelay: details.reason ?? '',
    // The official who issued the apology signs for the head of the agency (no job titles are stored yet).
    signer: { title: 'Thủ trưởng cơ quan', fullName: event.actor_name ?? '' },
  });
}

async function controlSheet(source: FormSource): Promise<Buffer> {
  const { row } = source;
  if (!row.received_at || !row.due_at) throw new AppError('NOT_FOUND');
  return renderControlSheet(
    {
      ...(await issuerOf(source.db, row.receiving_unit_id, new Date())),
      dossierCode: row.code,
      applicant: formApplicant(row),
      procedureName: row.procedure_name,
      receivedAt: new Date(row.received_at),
      appointmentAt: new Date(row.due_at),
      leadUnitName: unitName(source, row.unit_id),
      steps: controlSteps(source),
    },
    // A hand-over that closed no timed step (receipt, the applicant's supplement) has no result to print; the
    // step still open says so in its note instead.
    { labels: { inProgress: '' } },
  );
}

const HANDOVER_ACTIONS: DossierActionCode[] = ['receive', 'forward', 'return', 'approve', 'refuse', 'request_supplement', 'supplement', 'stop', 'withdraw', 'return_result'];
const TO_APPLICANT: DossierActionCode[] = ['request_supplement', 'stop', 'return_result'];
const FROM_APPLICANT: DossierActionCode[] = ['receive', 'supplement', 'withdraw'];
const OPEN_STATUSES = ['received', 'processing', 'result_ready'];

/**
 * Form 05 rows, one per hand-over of the dossier (Circular 01/2018 form 05): the step handed over, who handed it
 * to whom, when, that step's deadline and whether it was met (the event's recorded timeliness). The party that
 * received it is whoever acted next at the target step; while the dossier waits there, its unit with a note.
 */
function controlSteps(source: FormSource): ControlStep[] {
  const { row, events } = source;
  const applicant: HandoverParty = { unitName: 'Người nộp hồ sơ', personName: formApplicant(row).fullName };
  const fromEvent = (e: DossierEventRow): HandoverParty => ({ unitName: unitName(source, e.unit_id ?? row.receiving_unit_id), personName: e.actor_name ?? '' });
  const handovers = events.filter((e) => HANDOVER_ACTIONS.includes(e.action as DossierActionCode) && (e.action === 'receive' || Number(e.seq) > firstReceiveSeq(events)));
  return handovers.map((event, i) => {
    const action = event.action as DossierActionCode;
    const next = events.find((e) => Number(e.seq) > Number(event.seq) && e.unit_id !== null && e.action !== 'apologise');
    const isLast = i === handovers.length - 1;
    const waiting = isLast && OPEN_STATUSES.includes(row.status);
    let receiving: HandoverParty;
    if (action === 'receive') receiving = { unitName: unitName(source, row.receiving_unit_id), personName: event.actor_name ?? '' };
    else if (TO_APPLICANT.includes(action)) receiving = applicant;
    else if (next) receiving = fromEvent(next);
    else receiving = { unitName: unitName(source, row.current_unit_id ?? row.unit_id), personName: '' };
    const label = ACTION_LABELS[action].vi;
    return {
      name: event.step_name ?? label,
      handingOver: FROM_APPLICANT.includes(action) ? applicant : fromEvent(event),
      receiving,
      handedOverAt: new Date(event.at),
      ...(event.step_due_at ? { deadline: new Date(event.step_due_at) } : {}),
      ...(asTimeliness(event.timeliness) ? { timeliness: asTimeliness(event.timeliness) } : {}),
      note: waiting ? `${label}; đang xử lý` : label,
    };
  });
}

function firstReceiveSeq(events: DossierEventRow[]): number {
  return Number(events.find((e) => e.action === 'receive')?.seq ?? Number.MAX_SAFE_INTEGER);
}

const RENDERERS: Record<DossierFormName, (source: FormSource) => Promise<Buffer>> = {
  receipt,
  'supplement-request': supplementRequest,
  refusal,
  apology,
  'control-sheet': controlSheet,
};

/**
 * One of the one-stop forms (Circular 01/2018 forms 01–05) of a dossier as a PDF, filled from the dossier and its
 * history. Same access as the dossier itself (404 for anyone who may not see it); 404 too while the form does not
 * exist yet. Officials' reads of the applicant's data are audited (style guide: every read of personal data).
 */
export async function renderDossierForm(db: Db, request: FormRequest): Promise<Buffer> {
  const row = await findDossier(db, request.code);
  if (!row) throw new AppError('NOT_FOUND');
  const viewer = await viewDossier(db, request.actor, row);
  if (!viewer.mayRead) throw new AppError('NOT_FOUND');
  const { document } = await loadSetting(db, row);
  const events = await listEvents(db, row.id);
  const unitIds = [row.unit_id, row.receiving_unit_id, row.current_unit_id, ...events.map((e) => e.unit_id)].filter((id): id is number => id !== null);
  const units = await unitsById(db, unitIds.map(Number));
  const pdf = await RENDERERS[request.form]({ db, row, document, events, units, publicUrl: request.publicUrl });
  if (!viewer.isApplicant) {
    await db.transaction().execute((tx) =>
      recordAudit(tx, request.context, { action: 'dossier.form.read', entityType: 'dossier', entityId: row.code, unitId: row.unit_id, summary: { form: request.form } }),
    );
  }
  return pdf;
}
