/**
 * Loads N dossiers straight into the tables — a data generator, not the API: batched multi-row inserts, one
 * transaction per chunk, each dossier with its `submit` event. Applicants, procedures, units, channels, dates over
 * the last year and statuses are mixed like a real desk's year; codes follow the configured pattern per receiving
 * unit and local day, and `dossier_code_counters` is left at the highest sequence of each, so dossiers filed
 * afterwards through the API continue the sequence instead of colliding.
 */
import { sql, type Insertable } from 'kysely';
import type { Config } from '../src/platform/config.js';
import type { Db, Tx } from '../src/platform/database/database.js';
import { dialectOf } from '../src/platform/database/dialect.js';
import type { DossierEventsTable, DossiersTable } from '../src/platform/database/schema.js';
import { foldVietnamese } from '../src/platform/text/fold.js';
import { getWorkingCalendar } from '../src/modules/calendar/unit-calendar.js';
import { findProcedureHead } from '../src/modules/procedures/procedures.repository.js';
import { formatDossierCode } from '../src/modules/dossiers/dossier-code.js';
import { getProcedureDocument, findUnitByCode } from '../src/modules/dossiers/dossiers.repository.js';
import { receivingUnitFor } from '../src/modules/dossiers/receiving-unit.js';
import type { BenchWorld } from './bench-world.js';
import { pick, randomPerson, seededRandom } from './vietnamese-people.js';

/** 500 rows × 37 columns stays under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const BATCH = 500;
const CHUNK = 10_000;
const DAY_MS = 86_400_000;
const CITIZEN_ACCOUNTS = 2_000;

interface Route {
  procedureCode: string;
  version: number;
  procedureName: string;
  unitId: number;
  receivingUnitId: number;
  receivingUnitCode: string;
  stepCodes: string[];
}

// A year's mix at a one-stop desk: most dossiers long finished, a working backlog, a few refused or withdrawn.
const STATUS_WEIGHTS: [string, number][] = [
  ['returned', 55], ['result_ready', 8], ['processing', 14], ['received', 5], ['submitted', 4],
  ['supplement_requested', 4], ['withdrawn', 3], ['refused_intake', 4], ['stopped', 1], ['fee_due', 2],
];
const STATUS_TABLE = STATUS_WEIGHTS.flatMap(([status, weight]) => Array<string>(weight).fill(status));
const FINISHED = new Set(['returned', 'result_ready', 'withdrawn', 'refused_intake', 'stopped']);

export interface LoadReport {
  dossiers: number;
  seconds: number;
  codes: string[];
  counters: number;
}

async function routesOf(db: Db, procedureCodes: string[]): Promise<Route[]> {
  const routes: Route[] = [];
  for (const code of procedureCodes) {
    const head = (await findProcedureHead(db, code))!;
    const document = await getProcedureDocument(db, db, code, head.currentVersion);
    for (const unitCode of document.competentUnitCodes) {
      const unit = (await findUnitByCode(db, unitCode))!;
      const receivingUnitId = await receivingUnitFor(db, document, unit.id);
      const receiving = await db.selectFrom('units').select('code').where('id', '=', receivingUnitId).executeTakeFirstOrThrow();
      routes.push({
        procedureCode: code,
        version: head.currentVersion,
        procedureName: document.name,
        unitId: unit.id,
        receivingUnitId,
        receivingUnitCode: receiving.code,
        stepCodes: document.workflow.steps.map((s) => s.code),
      });
    }
  }
  if (routes.length === 0) throw new Error('no procedure to load dossiers for');
  return routes;
}

/** Citizens with a portal account (signed in through VNeID: no password), owners of the online dossiers. */
async function insertCitizens(db: Db, random: () => number): Promise<{ id: number; fullName: string; identityNumber: string }[]> {
  const now = new Date().toISOString();
  const people = Array.from({ length: CITIZEN_ACCOUNTS }, () => randomPerson(random));
  const accounts: { id: number; fullName: string; identityNumber: string }[] = [];
  for (let i = 0; i < people.length; i += BATCH) {
    const batch = people.slice(i, i + BATCH);
    const rows = await db
      .insertInto('users')
      .values(
        batch.map((p, j) => ({
          username: `bench-citizen-${i + j}`,
          full_name: p.fullName,
          search_text: foldVietnamese(p.fullName),
          email: null,
          phone: p.phone,
          kind: 'citizen',
          identity_number: p.identityNumber,
          unit_id: null,
          title: null,
          password_hash: null,
          password_changed_at: null,
          status: 'active',
          totp_secret: null,
          totp_pending_secret: null,
          totp_enabled: 0,
          failed_logins: 0,
          locked_until: null,
          oidc_issuer: null,
          oidc_subject: null,
          last_login_at: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .returning(['id', 'full_name', 'identity_number'])
      .execute();
    accounts.push(...rows.map((r) => ({ id: Number(r.id), fullName: r.full_name, identityNumber: r.identity_number! })));
  }
  return accounts;
}

// PostgreSQL types of the integer columns; every other loaded column is text.
const INTEGER_COLUMNS = new Set(['procedure_version', 'unit_id', 'receiving_unit_id', 'owner_user_id', 'current_unit_id', 'supplement_count', 'last_seq', 'created_by', 'dossier_id', 'seq', 'actor_id']);

/**
 * One INSERT per batch. On PostgreSQL the rows travel as one array per column through unnest(): a handful of
 * parameters instead of one per value, which PostgreSQL parses and plans far faster than 18,000 placeholders.
 */
async function insertBatch<T extends 'dossiers' | 'dossier_events'>(tx: Tx, table: T, rows: Record<string, unknown>[]): Promise<{ id: number; code: string }[]> {
  const returning = table === 'dossiers';
  if (dialectOf(tx) === 'sqlite') {
    const query = tx.insertInto(table).values(rows as never);
    return returning ? (await query.returning(['id', 'code' as never]).execute()) as unknown as { id: number; code: string }[] : (await query.execute(), []);
  }
  const columns = Object.keys(rows[0]);
  const arrays = columns.map((c) => sql`${rows.map((r) => r[c] ?? null)}::${sql.raw(INTEGER_COLUMNS.has(c) ? 'integer' : 'text')}[]`);
  const result = await sql<{ id: number; code: string }>`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(arrays)})${sql.raw(returning ? ' returning id, code' : '')}`.execute(tx);
  return result.rows;
}

const addMs = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

export async function loadDossiers(db: Db, world: BenchWorld, config: Pick<Config, 'dossier'>, count: number, procedureCodes: string[]): Promise<LoadReport> {
  const started = performance.now();
  const random = seededRandom(20_261_127);
  const routes = await routesOf(db, procedureCodes);
  const citizens = await insertCitizens(db, random);
  const calendars = new Map<number, Awaited<ReturnType<typeof getWorkingCalendar>>>();
  for (const route of routes) if (!calendars.has(route.unitId)) calendars.set(route.unitId, await getWorkingCalendar(db, route.unitId));

  // Submission instants first, in time order, so each unit's daily sequence grows with the time of filing.
  const nowMs = Date.now();
  const instants = Array.from({ length: count }, () => nowMs - Math.floor(random() * 365 * DAY_MS)).sort((a, b) => a - b);
  const counters = new Map<string, { unitId: number; day: string; seq: number }>();
  const codes: string[] = [];

  for (let chunkStart = 0; chunkStart < count; chunkStart += CHUNK) {
    const chunkEnd = Math.min(count, chunkStart + CHUNK);
    await db.transaction().execute(async (tx) => {
      for (let batchStart = chunkStart; batchStart < chunkEnd; batchStart += BATCH) {
        const dossiers: Insertable<DossiersTable>[] = [];
        const meta = new Map<string, { actorId: number; actorName: string; unitId: number | null; channel: string; at: string }>();
        for (let i = batchStart; i < Math.min(chunkEnd, batchStart + BATCH); i++) {
          const route = pick(random, routes);
          const submittedAt = new Date(instants[i]).toISOString();
          const localDate = calendars.get(route.unitId)!.localDateOf(new Date(instants[i]));
          const key = `${route.receivingUnitId}|${localDate}`;
          const counter = counters.get(key) ?? { unitId: route.receivingUnitId, day: localDate, seq: 0 };
          counter.seq += 1;
          counters.set(key, counter);
          const code = formatDossierCode(config.dossier.codePattern, { unitCode: route.receivingUnitCode, localDate, seq: counter.seq });
          codes.push(code);

          const online = random() < 0.6;
          const account = online ? pick(random, citizens) : undefined;
          const person = randomPerson(random);
          const applicant = account ? { ...person, fullName: account.fullName, identityNumber: account.identityNumber } : person;
          const ageDays = (nowMs - instants[i]) / DAY_MS;
          // The last two days' dossiers are still at the desk; older ones are spread over the year's mix.
          const status = ageDays < 2 ? (random() < 0.5 ? 'submitted' : 'received') : pick(random, STATUS_TABLE);
          const finished = FINISHED.has(status);
          const received = status !== 'submitted';
          const receivedAt = received ? addMs(submittedAt, 3_600_000) : null;
          const dueAt = received ? addMs(submittedAt, 14 * DAY_MS) : null;
          const finishedAt = finished ? addMs(submittedAt, Math.floor((4 + random() * 14) * DAY_MS)) : null;
          const step = status === 'received' ? route.stepCodes[0] : status === 'processing' ? route.stepCodes[1 + Math.floor(random() * (route.stepCodes.length - 1))] : null;
          const actorId = account?.id ?? world.officer.id;
          dossiers.push({
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
            paused_at: status === 'supplement_requested' ? addMs(submittedAt, 3 * DAY_MS) : null,
            resume_status: status === 'supplement_requested' ? 'processing' : null,
            resume_step: status === 'supplement_requested' ? route.stepCodes[1] : null,
            supplement_count: status === 'supplement_requested' ? 1 : 0,
            finished_at: finishedAt,
            returned_at: status === 'returned' ? addMs(finishedAt!, DAY_MS) : null,
            outcome: status === 'returned' || status === 'result_ready' ? (random() < 0.95 ? 'granted' : 'refused') : null,
            result_file_id: null,
            timeliness: finished ? (finishedAt! <= dueAt! ? (random() < 0.3 ? 'early' : 'onTime') : 'late') : null,
            last_seq: 1,
            created_by: actorId,
            updated_at: finishedAt ?? receivedAt ?? submittedAt,
          });
          meta.set(code, {
            actorId,
            actorName: account?.fullName ?? world.officer.fullName,
            unitId: online ? null : route.receivingUnitId,
            channel: online ? 'online' : 'counter',
            at: submittedAt,
          });
        }
        const inserted = await insertBatch(tx, 'dossiers', dossiers as Record<string, unknown>[]);
        const events: Insertable<DossierEventsTable>[] = inserted.map((d) => {
          const m = meta.get(d.code)!;
          return {
            dossier_id: Number(d.id),
            seq: 1,
            action: 'submit',
            from_status: null,
            to_status: 'submitted',
            step_code: null,
            step_name: null,
            actor_id: m.actorId,
            actor_name: m.actorName,
            unit_id: m.unitId,
            at: m.at,
            note: null,
            details: JSON.stringify({ channel: m.channel }),
            step_due_at: null,
            timeliness: null,
          };
        });
        await insertBatch(tx, 'dossier_events', events as Record<string, unknown>[]);
      }
    });
  }

  const counterRows = [...counters.values()].map((c) => ({ unit_id: c.unitId, day: c.day, last_seq: c.seq }));
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < counterRows.length; i += BATCH) await tx.insertInto('dossier_code_counters').values(counterRows.slice(i, i + BATCH)).execute();
  });
  return { dossiers: count, seconds: (performance.now() - started) / 1000, codes, counters: counterRows.length };
}
