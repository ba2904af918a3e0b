/**
 * Loads N dossiers straight into the tables — a data generator, not the API: batched multi-row inserts, one
 * transaction per chunk, each dossier with its `submit` event. Applicants, procedures, units, channels, dates over
 * the last year and statuses are mixed like a real desk's year; codes follow the configured pattern per receiving
 * unit and local day, and `dossier_code_counters` is left at the highest sequence of each, so dossiers filed
 * afterwards through the API continue the sequence instead of colliding.
 */
import type SQLite from 'better-sqlite3';
import { sql, type Insertable } from 'kysely';
import type { Config } from '../src/platform/config.js';
import type { Database, Db, Tx } from '../src/platform/database/database.js';
import type { DossierEventsTable, DossiersTable } from '../src/platform/database/schema.js';
import { foldVietnamese } from '../src/platform/text/fold.js';
import { getWorkingCalendar } from '../src/modules/calendar/unit-calendar.js';
import { findProcedureHead } from '../src/modules/procedures/procedures.repository.js';
import { formatDossierCode } from '../src/modules/dossiers/dossier-code.js';
import { getProcedureDocument, findUnitByCode } from '../src/modules/dossiers/dossiers.repository.js';
import { receivingUnitFor } from '../src/modules/dossiers/receiving-unit.js';
import type { BenchWorld } from './bench-world.js';
import { DAY_MS, generateDossier, type CitizenAccount, type Route } from './dossier-rows.js';
import { pick, randomPerson, seededRandom } from './vietnamese-people.js';

/** 500 rows × 37 columns stays under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const BATCH = 500;
const CHUNK = 10_000;
const CITIZEN_ACCOUNTS = 2_000;

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
async function insertCitizens(db: Db, random: () => number): Promise<CitizenAccount[]> {
  const now = new Date().toISOString();
  const people = Array.from({ length: CITIZEN_ACCOUNTS }, () => randomPerson(random));
  const accounts: CitizenAccount[] = [];
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
async function insertBatch<T extends 'dossiers' | 'dossier_events'>(tx: Tx, sqlite: SQLite.Database | undefined, table: T, rows: Record<string, unknown>[]): Promise<{ id: number; code: string }[]> {
  const returning = table === 'dossiers';
  const columns = Object.keys(rows[0]);
  if (sqlite) {
    // One prepared multi-row statement per batch size, reused: Kysely would compile 18,000 values per batch.
    const statement = preparedInsert(sqlite, table, columns, rows.length, returning);
    const values = rows.flatMap((r) => columns.map((c) => r[c] ?? null));
    return returning ? (statement.all(values) as { id: number; code: string }[]) : (statement.run(values), []);
  }
  const arrays = columns.map((c) => sql`${rows.map((r) => r[c] ?? null)}::${sql.raw(INTEGER_COLUMNS.has(c) ? 'integer' : 'text')}[]`);
  const result = await sql<{ id: number; code: string }>`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(arrays)})${sql.raw(returning ? ' returning id, code' : '')}`.execute(tx);
  return result.rows;
}

const statements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

function preparedInsert(sqlite: SQLite.Database, table: string, columns: string[], rows: number, returning: boolean): SQLite.Statement {
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  const key = `${table}|${rows}`;
  let statement = cache.get(key);
  if (!statement) {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${Array<string>(rows).fill(tuple).join(', ')}${returning ? ' returning id, code' : ''}`;
    statement = sqlite.prepare(text);
    cache.set(key, statement);
  }
  return statement;
}

export async function loadDossiers(database: Database, world: BenchWorld, config: Pick<Config, 'dossier'>, count: number, procedureCodes: string[]): Promise<LoadReport> {
  const started = performance.now();
  const { db, sqlite } = database;
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
        const submitEvents = new Map<string, Omit<Insertable<DossierEventsTable>, 'dossier_id'>>();
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

          const { dossier, event } = generateDossier(random, { route, code, submittedAtMs: instants[i], nowMs, citizens, officer: world.officer });
          dossiers.push(dossier);
          submitEvents.set(code, event);
        }
        const inserted = await insertBatch(tx, sqlite, 'dossiers', dossiers as Record<string, unknown>[]);
        const events: Insertable<DossierEventsTable>[] = inserted.map((d) => ({ dossier_id: Number(d.id), ...submitEvents.get(d.code)! }));
        await insertBatch(tx, sqlite, 'dossier_events', events as Record<string, unknown>[]);
      }
    });
  }

  const counterRows = [...counters.values()].map((c) => ({ unit_id: c.unitId, day: c.day, last_seq: c.seq }));
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < counterRows.length; i += BATCH) await tx.insertInto('dossier_code_counters').values(counterRows.slice(i, i + BATCH)).execute();
  });
  return { dossiers: count, seconds: (performance.now() - started) / 1000, codes, counters: counterRows.length };
}
