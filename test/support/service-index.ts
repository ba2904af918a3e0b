import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/platform/database/database.js';
import { importCatalogue } from '../../src/modules/procedures/procedures.service.js';
import { refreshDossierIndexFacts } from '../../src/modules/service-index/index-facts.js';
import { insertProvinceTree, insertUnit, insertUser, sampleProcedure } from './fixtures.js';

/** A procedure of the justice department with an electronic result, a fee, and a component reusable from the data store. */
export const INDEX_PROCEDURE_E = '9.000001';
/** A commune procedure with a paper result, no fee, not offered online and without its legal basis published. */
export const INDEX_PROCEDURE_P = '9.000002';

const SYSTEM = { actorId: null, actorUsername: 'test', ip: null, requestId: null };

export interface IndexWorld {
  units: { province: number; justice: number; finance: number; commune: number };
  /** Dossier codes by what happened to them. */
  codes: Record<IndexCase, string>;
  ids: Record<IndexCase, number>;
}

export type IndexCase = 'onTime' | 'early' | 'latePastDue' | 'lateSupplements' | 'onlineNoResult' | 'refusedIntake' | 'inProcess' | 'communeApril' | 'communeStopped';

interface Case {
  unit: 'justice' | 'commune';
  channel: 'online' | 'counter' | 'postal';
  status: string;
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  timeliness: string | null;
  supplements?: number;
  result?: boolean;
  rating?: number;
  eidOwner?: boolean;
  payment?: 'gateway' | 'cash' | 'bank_transfer';
  components?: { requirement: string; source: 'upload' | 'data_store' | 'scan' | 'paper' }[];
}

const MARCH_2 = '2026-03-02T02:00:00.000Z';
const MARCH_16 = '2026-03-16T10:00:00.000Z';

/**
 * Nine dossiers with known outcomes (received in March 2026, local time), the figures the service index tests
 * assert: on time, early, late past the appointment, late by two supplement requests, online without its electronic
 * result, refused at intake, still in process, and two commune dossiers (one finished in April, one stopped late).
 */
export const INDEX_CASES: Record<IndexCase, Case> = {
  onTime: { unit: 'justice', channel: 'online', status: 'returned', receivedAt: MARCH_2, dueAt: MARCH_16, finishedAt: '2026-03-16T03:00:00.000Z', timeliness: 'onTime', result: true, rating: 5, eidOwner: true, payment: 'gateway', components: [{ requirement: 'to_khai', source: 'upload' }, { requirement: 'cccd', source: 'data_store' }] },
  early: { unit: 'justice', channel: 'counter', status: 'returned', receivedAt: MARCH_2, dueAt: MARCH_16, finishedAt: '2026-03-10T03:00:00.000Z', timeliness: 'early', result: true, payment: 'cash', components: [{ requirement: 'to_khai', source: 'scan' }, { requirement: 'cccd', source: 'paper' }] },
  latePastDue: { unit: 'justice', channel: 'online', status: 'returned', receivedAt: MARCH_2, dueAt: MARCH_16, finishedAt: '2026-03-20T03:00:00.000Z', timeliness: 'late', result: true, rating: 2, payment: 'bank_transfer', components: [{ requirement: 'to_khai', source: 'upload' }, { requirement: 'cccd', source: 'upload' }] },
  lateSupplements: { unit: 'justice', channel: 'online', status: 'result_ready', receivedAt: MARCH_2, dueAt: '2026-03-25T10:00:00.000Z', finishedAt: '2026-03-24T03:00:00.000Z', timeliness: 'onTime', supplements: 2, result: true },
  onlineNoResult: { unit: 'justice', channel: 'online', status: 'returned', receivedAt: MARCH_2, dueAt: MARCH_16, finishedAt: '2026-03-13T03:00:00.000Z', timeliness: 'onTime' },
  refusedIntake: { unit: 'justice', channel: 'counter', status: 'refused_intake', receivedAt: null, dueAt: null, finishedAt: '2026-03-03T03:00:00.000Z', timeliness: null },
  inProcess: { unit: 'justice', channel: 'online', status: 'processing', receivedAt: MARCH_2, dueAt: '2026-04-20T10:00:00.000Z', finishedAt: null, timeliness: null },
  communeApril: { unit: 'commune', channel: 'counter', status: 'returned', receivedAt: MARCH_2, dueAt: '2026-04-03T10:00:00.000Z', finishedAt: '2026-04-02T03:00:00.000Z', timeliness: 'onTime' },
  communeStopped: { unit: 'commune', channel: 'postal', status: 'stopped', receivedAt: MARCH_2, dueAt: MARCH_16, finishedAt: '2026-03-18T03:00:00.000Z', timeliness: 'late' },
};

async function insertFile(db: Db, ownerId: number, name: string): Promise<string> {
  const id = randomUUID();
  await db.insertInto('files').values({ id, sha256: '0'.repeat(64), size: 10, media_type: 'application/pdf', original_name: name, owner_user_id: ownerId, created_at: MARCH_2 }).execute();
  return id;
}

/** Units, the two procedures and the nine dossiers, each with its facts refreshed as an event would. */
export async function setUpIndexWorld(db: Db, options: { refresh?: boolean } = {}): Promise<IndexWorld> {
  const tree = await insertProvinceTree(db);
  const commune = await insertUnit(db, { code: '000.01.50.H18', name: 'Phường Điện Biên Phủ', type: 'commune', parentId: tree.province });
  await importCatalogue(db, SYSTEM, 'system', [
    sampleProcedure(INDEX_PROCEDURE_E, {
      name: 'Cấp bản sao trích lục hộ tịch',
      competentUnitCodes: ['000.00.05.H18'],
      result: { type: 'electronic', name: 'Bản sao trích lục' },
      fees: [{ code: 'le_phi', name: 'Lệ phí', amountVnd: 10000 }],
      requirements: [
        { code: 'to_khai', name: 'Tờ khai', originals: 1, copies: 0, mandatory: true, fromDataStore: false },
        { code: 'cccd', name: 'Căn cước', originals: 0, copies: 1, mandatory: false, fromDataStore: true },
      ],
    }),
    sampleProcedure(INDEX_PROCEDURE_P, { name: 'Chứng thực chữ ký', competentUnitCodes: ['000.01.50.H18'], onlineLevel: 'none', fees: [], legalBasis: [], result: { type: 'paper', name: 'Giấy chứng thực' } }),
  ], 'vi');
  const eidCitizen = await insertUser(db, { kind: 'citizen', fullName: 'Lò Văn Định Danh' });
  await db.updateTable('users').set({ oidc_issuer: 'https://vneid.example', oidc_subject: 'sub-1' }).where('id', '=', eidCitizen.id).execute();
  const plainCitizen = await insertUser(db, { kind: 'citizen', fullName: 'Cà Thị Thường' });
  const units = { ...tree, commune };
  const codes = {} as Record<IndexCase, string>;
  const ids = {} as Record<IndexCase, number>;
  let n = 0;
  for (const [name, c] of Object.entries(INDEX_CASES) as [IndexCase, Case][]) {
    n += 1;
    const code = `000.00.05.H18-260302-${String(n).padStart(4, '0')}`;
    const procedure = c.unit === 'justice' ? INDEX_PROCEDURE_E : INDEX_PROCEDURE_P;
    const owner = c.channel === 'online' ? (c.eidOwner ? eidCitizen.id : plainCitizen.id) : null;
    const resultFile = c.result ? await insertFile(db, plainCitizen.id, `ket-qua-${n}.pdf`) : null;
    const row = await db
      .insertInto('dossiers')
      .values({
        code, procedure_code: procedure, procedure_version: 1, procedure_name: procedure === INDEX_PROCEDURE_E ? 'Cấp bản sao trích lục hộ tịch' : 'Chứng thực chữ ký',
        channel: c.channel, status: c.status, unit_id: units[c.unit], receiving_unit_id: units[c.unit], owner_user_id: owner,
        applicant: JSON.stringify({ fullName: 'Người nộp', identityNumber: null }), applicant_name: 'Người nộp', applicant_identity: null,
        search_text: code, form: '{}', current_step: null, current_role: null, current_unit_id: null, step_started_at: null, step_due_at: null,
        submitted_at: '2026-03-02T01:00:00.000Z', received_at: c.receivedAt, due_at: c.dueAt, original_due_at: c.dueAt, paused_at: null,
        resume_status: null, resume_step: null, supplement_count: c.supplements ?? 0, finished_at: c.finishedAt,
        returned_at: c.status === 'returned' ? c.finishedAt : null, outcome: c.finishedAt && c.status !== 'stopped' && c.status !== 'refused_intake' ? 'granted' : null,
        result_file_id: resultFile, timeliness: c.timeliness, last_seq: 1, created_by: null, updated_at: MARCH_2,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const dossierId = Number(row.id);
    codes[name] = code;
    ids[name] = dossierId;
    for (const component of c.components ?? []) {
      const fileId = component.source === 'paper' ? null : await insertFile(db, plainCitizen.id, `${component.requirement}.pdf`);
      await db.insertInto('dossier_components').values({ dossier_id: dossierId, requirement_code: component.requirement, requirement_name: component.requirement, file_id: fileId, source: component.source, digitised: component.source === 'paper' ? 0 : 1, event_seq: 1, added_at: MARCH_2 }).execute();
    }
    if (c.payment) {
      const order = await db.insertInto('payment_orders').values({ dossier_id: dossierId, amount_vnd: 10000, lines: '[]', status: 'paid', created_at: MARCH_2, paid_at: MARCH_2, cancelled_at: null }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('payments').values({ order_id: Number(order.id), attempt_id: null, channel: c.payment, status: 'valid', amount_vnd: 10000, unit_id: units[c.unit], receipt_year: 2026, receipt_seq: n, receipt_no: `2026-${String(n).padStart(6, '0')}`, reference: null, bank_code: null, paid_at: MARCH_2, recorded_by: null, created_at: MARCH_2 }).execute();
    }
    if (c.rating !== undefined) await db.insertInto('dossier_ratings').values({ dossier_id: dossierId, score: c.rating, comment: null, rated_by: owner, at: c.finishedAt! }).execute();
    if (options.refresh !== false) await db.transaction().execute((tx) => refreshDossierIndexFacts(tx, dossierId));
  }
  return { units, codes, ids };
}
