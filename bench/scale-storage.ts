/**
 * The storage ceiling of each scale scenario (issue 7): the rows the scenario writes or reads, inserted or selected
 * raw through the same driver (better-sqlite3 with the platform's pragmas — WAL, synchronous FULL — or pg on the
 * same cluster, fsync on), at the same concurrency as the HTTP load (one connection on SQLite, whose driver is
 * synchronous and whose server runs one connection too; CONNECTIONS pooled connections on PostgreSQL). What the
 * platform adds on top — HTTP, validation, access checks, audit, idempotency, notices — is the gap to this figure.
 */
import type SQLite from 'better-sqlite3';
import pg from 'pg';
import { DURATION_S } from './support.js';

export interface Ceiling {
  name: string;
  opsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** One raw operation, in the dialect of the handle it is given. */
export type RawOperation = { sqlite: (db: SQLite.Database, i: number) => void; postgres: (client: pg.PoolClient, i: number) => Promise<void> };

export type RawHandle = { sqlite: SQLite.Database } | { pool: pg.Pool; concurrency: number };

const round = (v: number) => Math.round(v * 100) / 100;
/** A query slower than the run still gets a figure. */
const MIN_OPS = 3;

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs `operation` for DURATION_S (or `limit` operations, whichever ends first), at least MIN_OPS times. */
export async function measureRaw(name: string, handle: RawHandle, operation: RawOperation, limit = Number.POSITIVE_INFINITY): Promise<Ceiling> {
  const times: number[] = [];
  const started = performance.now();
  const deadline = started + DURATION_S * 1000;
  let next = 0;
  if ('sqlite' in handle) {
    while ((performance.now() < deadline || next < MIN_OPS) && next < limit) {
      const t = performance.now();
      operation.sqlite(handle.sqlite, next++);
      times.push(performance.now() - t);
    }
  } else {
    const worker = async () => {
      const client = await handle.pool.connect();
      try {
        while ((performance.now() < deadline || next < MIN_OPS) && next < limit) {
          const t = performance.now();
          await operation.postgres(client, next++);
          times.push(performance.now() - t);
        }
      } finally {
        client.release();
      }
    };
    await Promise.all(Array.from({ length: handle.concurrency }, worker));
  }
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { name, opsPerSecond: Math.round((times.length / seconds) * 10) / 10, p50Ms: round(percentile(times, 50)), p99Ms: round(percentile(times, 99)) };
}

const DOSSIER_COLUMNS = [
  'code', 'procedure_code', 'procedure_version', 'procedure_name', 'channel', 'status', 'unit_id', 'receiving_unit_id', 'owner_user_id', 'applicant',
  'applicant_name', 'applicant_identity', 'search_text', 'form', 'current_step', 'current_role', 'current_unit_id', 'step_started_at', 'step_due_at',
  'submitted_at', 'received_at', 'due_at', 'original_due_at', 'paused_at', 'resume_status', 'resume_step', 'supplement_count', 'finished_at',
  'returned_at', 'outcome', 'result_file_id', 'timeliness', 'last_seq', 'created_by', 'updated_at',
] as const;
const EVENT_COLUMNS = ['dossier_id', 'seq', 'action', 'from_status', 'to_status', 'actor_id', 'actor_name', 'unit_id', 'at', 'details'] as const;

const placeholders = (n: number, pg: boolean) => Array.from({ length: n }, (_, i) => (pg ? `$${i + 1}` : '?')).join(', ');
// Quoted: current_role is a reserved word in PostgreSQL.
const insertDossierSql = (pg: boolean) => `insert into dossiers (${DOSSIER_COLUMNS.map((c) => `"${c}"`).join(', ')}) values (${placeholders(DOSSIER_COLUMNS.length, pg)}) returning id`;
const insertEventSql = (pg: boolean) => `insert into dossier_events (${EVENT_COLUMNS.join(', ')}) values (${placeholders(EVENT_COLUMNS.length, pg)})`;

/** A just-filed online dossier as the platform stores it, under a code of the raw runs' own (RAW-…). */
export type DossierTemplate = Record<(typeof DOSSIER_COLUMNS)[number], unknown>;

function filedRow(template: DossierTemplate, i: number, run: string): { dossier: unknown[]; event: (id: number) => unknown[] } {
  const now = new Date().toISOString();
  const row = { ...template, code: `RAW-${run}-${i}`, status: 'submitted', submitted_at: now, updated_at: now, last_seq: 1 };
  return {
    dossier: DOSSIER_COLUMNS.map((c) => row[c] ?? null),
    event: (id) => [id, 1, 'submit', null, 'submitted', row.created_by, row.applicant_name, null, now, '{"channel":"online"}'],
  };
}

/** Filing: the dossier row and its submit event in one transaction. */
export function rawFiling(template: DossierTemplate, run: string): RawOperation {
  let sqliteStatements: { dossier: SQLite.Statement; event: SQLite.Statement } | undefined;
  return {
    sqlite(db, i) {
      sqliteStatements ??= { dossier: db.prepare(insertDossierSql(false)), event: db.prepare(insertEventSql(false)) };
      const { dossier, event } = filedRow(template, i, run);
      const s = sqliteStatements;
      db.transaction(() => {
        const { id } = s.dossier.get(dossier) as { id: number };
        s.event.run(event(id));
      })();
    },
    async postgres(client, i) {
      const { dossier, event } = filedRow(template, i, run);
      await client.query('begin');
      try {
        const { rows } = await client.query<{ id: number }>({ name: 'raw-filing', text: insertDossierSql(true), values: dossier });
        await client.query({ name: 'raw-filing-event', text: insertEventSql(true), values: event(rows[0].id) });
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
    },
  };
}

/** An action: the dossier's state updated and one event appended, in one transaction. */
export function rawAction(ids: number[]): RawOperation {
  const update = (pg: boolean) =>
    `update dossiers set status = 'received', last_seq = last_seq + 1, updated_at = ${pg ? '$1' : '?'} where id = ${pg ? '$2' : '?'} returning last_seq`;
  const eventOf = (id: number, seq: number, at: string) => [id, seq, 'receive', 'submitted', 'received', null, 'bench', null, at, '{}'];
  let statements: { update: SQLite.Statement; event: SQLite.Statement } | undefined;
  return {
    sqlite(db, i) {
      statements ??= { update: db.prepare(update(false)), event: db.prepare(insertEventSql(false)) };
      const s = statements;
      const at = new Date().toISOString();
      db.transaction(() => {
        const { last_seq } = s.update.get(at, ids[i % ids.length]) as { last_seq: number };
        s.event.run(eventOf(ids[i % ids.length], last_seq, at));
      })();
    },
    async postgres(client, i) {
      const at = new Date().toISOString();
      await client.query('begin');
      try {
        const { rows } = await client.query<{ last_seq: number }>({ name: 'raw-action', text: update(true), values: [at, ids[i % ids.length]] });
        await client.query({ name: 'raw-action-event', text: insertEventSql(true), values: eventOf(ids[i % ids.length], rows[0].last_seq, at) });
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
    },
  };
}

/** Selects with positional parameters written `?`, numbered for pg; each call gets its parameters from `params(i)`. */
export function rawSelects(name: string, statements: string[], params: (i: number) => unknown[][]): RawOperation {
  const numbered = statements.map((s) => {
    let n = 0;
    return s.replace(/\?/g, () => `$${++n}`);
  });
  const prepared = new WeakMap<SQLite.Database, SQLite.Statement[]>();
  return {
    sqlite(db, i) {
      let list = prepared.get(db);
      if (!list) prepared.set(db, (list = statements.map((s) => db.prepare(s))));
      const values = params(i);
      list.forEach((statement, k) => statement.all(values[k]));
    },
    async postgres(client, i) {
      const values = params(i);
      for (let k = 0; k < numbered.length; k++) await client.query({ name: `${name}-${k}`, text: numbered[k], values: values[k] });
    },
  };
}

/** Removes what the raw filings added, so the dataset copy stays like the platform's own rows. */
export function rawCleanupSql(run: string): string[] {
  return [`delete from dossier_events where dossier_id in (select id from dossiers where code like 'RAW-${run}-%')`, `delete from dossiers where code like 'RAW-${run}-%'`];
}
