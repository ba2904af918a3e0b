import type { Insertable } from 'kysely';
import type { Db } from '../../src/platform/database/database.js';
import type { ServiceIndexMonthlyTable } from '../../src/platform/database/schema.js';
import { importCatalogue } from '../../src/modules/procedures/procedures.service.js';
import { insertDocumentFixture, insertProvinceTree, insertUnit, sampleProcedure } from './fixtures.js';

/** Two procedures of the statistics fixture: one of the justice department, one of the commune. */
export const STAT_PROCEDURE_A = '8.000001';
export const STAT_PROCEDURE_B = '8.000002';

const SYSTEM = { actorId: null, actorUsername: 'test', ip: null, requestId: null };
const DAY = 86_400_000;

export interface StatisticsWorld {
  province: number;
  justice: number;
  /** A division of the justice department (its figures count in the department's). */
  division: number;
  finance: number;
  commune: number;
  /** Codes of the live dossiers: overdue ones first (most overdue first), then the pending ones on time. */
  overdueCodes: string[];
}

type Counters = Omit<Insertable<ServiceIndexMonthlyTable>, 'unit_id' | 'procedure_code' | 'month'>;

async function counters(db: Db, unitId: number, procedureCode: string, month: string, values: Counters) {
  await db.insertInto('service_index_monthly').values({ unit_id: unitId, procedure_code: procedureCode, month, ...values }).execute();
}

let sequence = 0;

async function liveDossier(db: Db, input: { unitId: number; procedureCode: string; procedureName: string; status: string; dueAt: string | null; step: string | null }): Promise<string> {
  sequence += 1;
  const code = `ST-${process.pid}-${sequence}`;
  const at = new Date(Date.now() - 20 * DAY).toISOString();
  await db
    .insertInto('dossiers')
    .values({
      code, procedure_code: input.procedureCode, procedure_version: 1, procedure_name: input.procedureName, channel: 'online', status: input.status,
      unit_id: input.unitId, receiving_unit_id: input.unitId, owner_user_id: null,
      applicant: JSON.stringify({ fullName: 'Lò Văn Thống', identityNumber: '011090001234', phone: null, email: null, address: null }),
      applicant_name: 'Lò Văn Thống', applicant_identity: '011090001234', search_text: code.toLowerCase(), form: '{}',
      current_step: input.step, current_role: null, current_unit_id: input.unitId, step_started_at: null, step_due_at: null,
      submitted_at: at, received_at: at, due_at: input.dueAt, original_due_at: input.dueAt, paused_at: null, resume_status: null, resume_step: null,
      supplement_count: 0, finished_at: null, returned_at: null, outcome: null, result_file_id: null, timeliness: null, last_seq: 1, created_by: null, updated_at: at,
    })
    .execute();
  return code;
}

/**
 * A province with known figures for January–March 2026 (the service index counters as the index keeps them) and
 * live dossiers and documents relative to now. Expected totals over 2026-01..03 for the province:
 * received 20 (online 10, counter 9, postal 1), finished 16, on time 11 (early 2), late 5, fee required 7, paid 6
 * (online 3), rated 5 (negative 1); pending 5 (justice 2 of which 1 overdue, division 1 overdue, commune 2 of which
 * 1 overdue) — overdue 3; incoming documents January 2, February 1 (18:00 UTC on 31 January is 1 February local),
 * outgoing February 1; 2 incoming documents overdue (justice 1, commune 1).
 */
export async function setUpStatisticsWorld(db: Db): Promise<StatisticsWorld> {
  const tree = await insertProvinceTree(db);
  const division = await insertUnit(db, { code: '000.05.05.H18', name: 'Phòng Hành chính tư pháp', type: 'division', parentId: tree.justice });
  const commune = await insertUnit(db, { code: '000.01.50.H18', name: 'Phường Điện Biên Phủ', type: 'commune', parentId: tree.province });
  await importCatalogue(db, SYSTEM, 'system', [
    sampleProcedure(STAT_PROCEDURE_A, { name: 'Cấp Phiếu lý lịch tư pháp', competentUnitCodes: ['000.00.05.H18', '000.05.05.H18'] }),
    sampleProcedure(STAT_PROCEDURE_B, { name: 'Chứng thực bản sao', competentUnitCodes: ['000.01.50.H18'] }),
  ], 'vi');

  await counters(db, tree.justice, STAT_PROCEDURE_A, '2025-12', { received: 100, received_online: 100, finished: 100, finished_late: 100 });
  await counters(db, tree.justice, STAT_PROCEDURE_A, '2026-01', {
    received: 10, received_online: 6, received_counter: 3, received_postal: 1, finished: 8, finished_early: 2, finished_on_time: 4, finished_late: 2,
    fee_required: 5, paid: 4, paid_online: 3, rated: 4, rated_negative: 1,
  });
  await counters(db, division, STAT_PROCEDURE_A, '2026-02', { received: 4, received_online: 4, finished: 2, finished_on_time: 2, rated: 1 });
  await counters(db, commune, STAT_PROCEDURE_B, '2026-02', { received: 6, received_counter: 6, finished: 6, finished_on_time: 3, finished_late: 3, fee_required: 2, paid: 2 });
  await counters(db, commune, STAT_PROCEDURE_B, '2026-04', { received: 50, received_counter: 50 });

  const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
  const ahead = (days: number) => new Date(Date.now() + days * DAY).toISOString();
  const a = { procedureCode: STAT_PROCEDURE_A, procedureName: 'Cấp Phiếu lý lịch tư pháp' };
  const b = { procedureCode: STAT_PROCEDURE_B, procedureName: 'Chứng thực bản sao' };
  const divisionLate = await liveDossier(db, { ...a, unitId: division, status: 'processing', dueAt: ago(5.5), step: 'tham_dinh' });
  const communeLate = await liveDossier(db, { ...b, unitId: commune, status: 'received', dueAt: ago(2.2), step: 'tiep_nhan' });
  const justiceLate = await liveDossier(db, { ...a, unitId: tree.justice, status: 'processing', dueAt: ago(0.5), step: 'phe_duyet' });
  await liveDossier(db, { ...a, unitId: tree.justice, status: 'processing', dueAt: ahead(3), step: 'tham_dinh' });
  // Waiting for the citizen: past the old date, but the clock is stopped, so pending and not overdue.
  await liveDossier(db, { ...b, unitId: commune, status: 'supplement_requested', dueAt: ago(10), step: 'tham_dinh' });
  // Not counted: finished, and submitted but not received yet.
  await liveDossier(db, { ...a, unitId: tree.justice, status: 'returned', dueAt: ago(30), step: null });
  await liveDossier(db, { ...a, unitId: tree.justice, status: 'submitted', dueAt: null, step: null });

  await insertDocumentFixture(db, { unitId: tree.justice, direction: 'incoming', subject: 'Công văn 1', arrivalDate: '2026-01-10T02:00:00.000Z' });
  await insertDocumentFixture(db, { unitId: division, direction: 'incoming', subject: 'Công văn 2', arrivalDate: '2026-01-31T16:59:00.000Z' });
  await insertDocumentFixture(db, { unitId: commune, direction: 'incoming', subject: 'Công văn 3', arrivalDate: '2026-01-31T18:00:00.000Z' });
  await insertDocumentFixture(db, { unitId: tree.finance, direction: 'incoming', subject: 'Công văn cũ', arrivalDate: '2025-12-31T16:59:00.000Z' });
  const outgoing = await insertDocumentFixture(db, { unitId: tree.justice, direction: 'outgoing', status: 'issued', subject: 'Quyết định 1' });
  await db.updateTable('documents').set({ issued_at: '2026-02-03T03:00:00.000Z' }).where('id', '=', outgoing).execute();
  const overdueJustice = await insertDocumentFixture(db, { unitId: tree.justice, direction: 'incoming', status: 'assigned', subject: 'Quá hạn 1', arrivalDate: '2025-11-03T02:00:00.000Z' });
  const overdueCommune = await insertDocumentFixture(db, { unitId: commune, direction: 'incoming', status: 'registered', subject: 'Quá hạn 2', arrivalDate: '2025-11-03T02:00:00.000Z' });
  const doneLate = await insertDocumentFixture(db, { unitId: commune, direction: 'incoming', status: 'done', subject: 'Xong', arrivalDate: '2025-11-03T02:00:00.000Z' });
  await db.updateTable('documents').set({ due_date: '2020-01-01' }).where('id', 'in', [overdueJustice, overdueCommune, doneLate]).execute();

  return { ...tree, division, commune, overdueCodes: [divisionLate, communeLate, justiceLate] };
}
