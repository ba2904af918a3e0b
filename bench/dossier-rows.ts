/**
 * One generated dossier and its `submit` event, as a year at a one-stop desk looks: most dossiers long finished,
 * a working backlog, some refused at intake, withdrawn or waiting for a supplement; 60 % filed online by a citizen
 * with a portal account, the rest at the counter by the desk's officer.
 */
import type { Insertable } from 'kysely';
import type { DossierEventsTable, DossiersTable } from '../src/platform/database/schema.js';
import { foldVietnamese } from '../src/platform/text/fold.js';
import { pick, randomPerson } from './vietnamese-people.js';

export const DAY_MS = 86_400_000;

/** A procedure filed with one competent unit, and the desk that receives it. */
export interface Route {
  procedureCode: string;
  version: number;
  procedureName: string;
  unitId: number;
  receivingUnitId: number;
  receivingUnitCode: string;
  stepCodes: string[];
}

export interface CitizenAccount {
  id: number;
  fullName: string;
  identityNumber: string;
}

const STATUS_WEIGHTS: [string, number][] = [
  ['returned', 55], ['result_ready', 8], ['processing', 14], ['received', 5], ['submitted', 4],
  ['supplement_requested', 4], ['withdrawn', 3], ['refused_intake', 4], ['stopped', 1], ['fee_due', 2],
];
const STATUS_TABLE = STATUS_WEIGHTS.flatMap(([status, weight]) => Array<string>(weight).fill(status));
const FINISHED = new Set(['returned', 'result_ready', 'withdrawn', 'refused_intake', 'stopped']);

const addMs = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

export function generateDossier(
  random: () => number,
  input: { route: Route; code: string; submittedAtMs: number; nowMs: number; citizens: CitizenAccount[]; officer: { id: number; fullName: string } },
): { dossier: Insertable<DossiersTable>; event: Omit<Insertable<DossierEventsTable>, 'dossier_id'> } {
  const { route, code } = input;
  const submittedAt = new Date(input.submittedAtMs).toISOString();
  const online = random() < 0.6;
  const account = online ? pick(random, input.citizens) : undefined;
  const person = randomPerson(random);
  const applicant = account ? { ...person, fullName: account.fullName, identityNumber: account.identityNumber } : person;
  // The last two days' dossiers are still at the desk; older ones are spread over the year's mix.
  const status = input.nowMs - input.submittedAtMs < 2 * DAY_MS ? (random() < 0.5 ? 'submitted' : 'received') : pick(random, STATUS_TABLE);
  const finished = FINISHED.has(status);
  // Refused at intake: never received, so no appointment either.
  const received = status !== 'submitted' && status !== 'refused_intake';
  const receivedAt = received ? addMs(submittedAt, 3_600_000) : null;
  const dueAt = received ? addMs(submittedAt, 14 * DAY_MS) : null;
  const finishedAt = finished ? addMs(submittedAt, Math.floor((status === 'refused_intake' ? 0.2 : 4 + random() * 14) * DAY_MS)) : null;
  const step = status === 'received' ? route.stepCodes[0] : status === 'processing' ? route.stepCodes[1 + Math.floor(random() * (route.stepCodes.length - 1))] : null;
  const supplement = status === 'supplement_requested';
  const actorId = account?.id ?? input.officer.id;
  const dossier: Insertable<DossiersTable> = {
    code,
    procedure_code: route.procedureCode,
    procedure_version: route.version,
    procedure_name: route.procedureName,
    channel: online ? 'online' : 'counter',
    status,
    unit_id: route.unitId,
    receiving_unit_id: route.receivingUnitId,
    owner_user_id: account?.id ?? null,
    applicant: JSON.stringify({ fullName: applicant.fullName, identityNumber: applicant.identityNumber, phone: applicant.phone, email: null, address: applicant.address }),
    applicant_name: applicant.fullName,
    applicant_identity: applicant.identityNumber,
    search_text: foldVietnamese(`${code} ${applicant.fullName}`),
    form: JSON.stringify({ hoTen: applicant.fullName, ngaySinh: applicant.birthDate }),
    current_step: step,
    current_role: finished ? null : status === 'processing' ? 'specialist' : 'one_stop_officer',
    current_unit_id: finished ? null : status === 'processing' ? route.unitId : route.receivingUnitId,
    step_started_at: step ? receivedAt : null,
    step_due_at: step ? addMs(receivedAt!, 2 * DAY_MS) : null,
    submitted_at: submittedAt,
    received_at: receivedAt,
    due_at: dueAt,
    original_due_at: dueAt,
    paused_at: supplement ? addMs(submittedAt, 3 * DAY_MS) : null,
    resume_status: supplement ? 'processing' : null,
    resume_step: supplement ? route.stepCodes[1] : null,
    supplement_count: supplement ? 1 : 0,
    finished_at: finishedAt,
    returned_at: status === 'returned' ? addMs(finishedAt!, DAY_MS) : null,
    outcome: status === 'returned' || status === 'result_ready' ? (random() < 0.95 ? 'granted' : 'refused') : null,
    result_file_id: null,
    timeliness: finished && dueAt !== null ? (finishedAt! <= dueAt ? (random() < 0.3 ? 'early' : 'onTime') : 'late') : null,
    last_seq: 1,
    created_by: actorId,
    updated_at: finishedAt ?? receivedAt ?? submittedAt,
  };
  const event = {
    seq: 1,
    action: 'submit',
    from_status: null,
    to_status: 'submitted',
    step_code: null,
    step_name: null,
    actor_id: actorId,
    actor_name: account?.fullName ?? input.officer.fullName,
    unit_id: online ? null : route.receivingUnitId,
    at: submittedAt,
    note: null,
    details: JSON.stringify({ channel: online ? 'online' : 'counter' }),
    step_due_at: null,
    timeliness: null,
  };
  return { dossier, event };
}
