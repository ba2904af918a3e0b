import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db, Executor } from '../../platform/database/database.js';
import { dialectOf } from '../../platform/database/dialect.js';
import type { DossierIndexFactsTable } from '../../platform/database/schema.js';
import { localMonthOf } from './months.js';
import { FINISHED_COUNTERS, MONTHLY_COUNTERS, RECEIVED_COUNTERS, type MonthlyCounter } from './service-index.config.js';

export type DossierIndexFact = Insertable<DossierIndexFactsTable>;
type StoredFact = Selectable<DossierIndexFactsTable>;

/** Where the agency's work ended with a decision or a stop: what timeliness (indicator 2.1) is measured on. */
const PROCESSED = new Set(['result_ready', 'returned', 'stopped']);
const ENDED = new Set([...PROCESSED, 'refused_intake', 'withdrawn']);
/** Ratings are 1..5 (dossiers.schema.ts RateBody); 1 and 2 are negative (domain.md §5, indicator 5.4). */
const NEGATIVE_RATING_MAX = 2;

interface ProcedureFacts {
  electronicResult: boolean;
  reusable: Set<string>;
}

interface DossierInput {
  id: number;
  unit_id: number;
  procedure_code: string;
  procedure_version: number;
  channel: string;
  status: string;
  received_at: string | null;
  finished_at: string | null;
  due_at: string | null;
  supplement_count: number;
  timeliness: string | null;
  outcome: string | null;
  result_file_id: string | null;
  owner_user_id: number | null;
}

interface ComponentInput {
  dossier_id: number;
  requirement_code: string;
  source: string;
  digitised: number;
}

/** Everything the facts of the dossiers with ids in [fromId, toId] depend on, loaded in a few set queries. */
async function loadInputs(db: Executor, fromId: number, toId: number, procedures: Map<string, ProcedureFacts>) {
  const dossiers = (await db
    .selectFrom('dossiers')
    .select(['id', 'unit_id', 'procedure_code', 'procedure_version', 'channel', 'status', 'received_at', 'finished_at', 'due_at', 'supplement_count', 'timeliness', 'outcome', 'result_file_id', 'owner_user_id'])
    .where('id', '>=', fromId)
    .where('id', '<=', toId)
    .orderBy('id')
    .execute()) as DossierInput[];
  if (dossiers.length === 0) {
    return { dossiers, components: new Map<number, ComponentInput[]>(), orders: new Map<number, string[]>(), online: new Set<number>(), ratings: new Map<number, number>(), eid: new Set<number>() };
  }
  const [components, orders, gatewayPaid, ratings] = await Promise.all([
    db.selectFrom('dossier_components').select(['dossier_id', 'requirement_code', 'source', 'digitised']).where('dossier_id', '>=', fromId).where('dossier_id', '<=', toId).execute(),
    db.selectFrom('payment_orders').select(['dossier_id', 'status']).where('dossier_id', '>=', fromId).where('dossier_id', '<=', toId).execute(),
    db
      .selectFrom('payments')
      .innerJoin('payment_orders', 'payment_orders.id', 'payments.order_id')
      .select('payment_orders.dossier_id')
      .where('payment_orders.dossier_id', '>=', fromId)
      .where('payment_orders.dossier_id', '<=', toId)
      .where('payments.channel', '=', 'gateway')
      .where('payments.status', '=', 'valid')
      .execute(),
    db.selectFrom('dossier_ratings').select(['dossier_id', 'score']).where('dossier_id', '>=', fromId).where('dossier_id', '<=', toId).execute(),
  ]);
  const owners = [...new Set(dossiers.map((d) => d.owner_user_id).filter((id): id is number => id !== null).map(Number))];
  const eid = new Set<number>();
  for (let i = 0; i < owners.length; i += 1000) {
    const rows = await db.selectFrom('users').select('id').where('id', 'in', owners.slice(i, i + 1000)).where('oidc_subject', 'is not', null).execute();
    for (const row of rows) eid.add(Number(row.id));
  }
  await loadProcedures(db, dossiers, procedures);
  const byDossier = new Map<number, ComponentInput[]>();
  for (const c of components as ComponentInput[]) {
    const list = byDossier.get(Number(c.dossier_id)) ?? [];
    list.push(c);
    byDossier.set(Number(c.dossier_id), list);
  }
  const orderStatuses = new Map<number, string[]>();
  for (const o of orders) orderStatuses.set(Number(o.dossier_id), [...(orderStatuses.get(Number(o.dossier_id)) ?? []), o.status]);
  return {
    dossiers,
    components: byDossier,
    orders: orderStatuses,
    online: new Set(gatewayPaid.map((p) => Number(p.dossier_id))),
    ratings: new Map(ratings.map((r) => [Number(r.dossier_id), Number(r.score)])),
    eid,
  };
}

const procedureKey = (code: string, version: number) => `${code}@${version}`;

// A procedure version never changes once saved, so its facts are kept per code@version for the life of the process,
// per database (one process may open several, where one code@version holds different documents): every dossier
// event refreshes its facts, and re-reading and parsing the version's document each time cost ~0.3 ms on SQLite and
// a round trip on PostgreSQL. A transaction shares its database's adapter, so the adapter identifies the database.
const procedureFactsByDatabase = new WeakMap<object, Map<string, ProcedureFacts>>();

function procedureFactsOf(db: Executor): Map<string, ProcedureFacts> {
  const adapter = db.getExecutor().adapter;
  let facts = procedureFactsByDatabase.get(adapter);
  if (!facts) procedureFactsByDatabase.set(adapter, (facts = new Map()));
  return facts;
}

async function loadProcedures(db: Executor, dossiers: DossierInput[], cache: Map<string, ProcedureFacts>): Promise<void> {
  const missing = new Map<string, { code: string; version: number }>();
  for (const d of dossiers) {
    const key = procedureKey(d.procedure_code, Number(d.procedure_version));
    if (!cache.has(key)) missing.set(key, { code: d.procedure_code, version: Number(d.procedure_version) });
  }
  if (missing.size === 0) return;
  const codes = [...new Set([...missing.values()].map((m) => m.code))];
  const rows = await db.selectFrom('procedure_versions').select(['procedure_code', 'version', 'document']).where('procedure_code', 'in', codes).execute();
  for (const row of rows) {
    const key = procedureKey(row.procedure_code, Number(row.version));
    if (!missing.has(key)) continue;
    const document = JSON.parse(row.document) as { result?: { type?: string }; requirements?: { code: string; fromDataStore?: boolean }[] };
    cache.set(key, {
      electronicResult: document.result?.type === 'electronic' || document.result?.type === 'both',
      reusable: new Set((document.requirements ?? []).filter((r) => r.fromDataStore).map((r) => r.code)),
    });
  }
}

const NO_PROCEDURE_FACTS: ProcedureFacts = { electronicResult: false, reusable: new Set() };

type Inputs = Awaited<ReturnType<typeof loadInputs>>;

/** The index's view of one dossier (domain.md §5), from its row and what hangs off it. */
function factOf(d: DossierInput, inputs: Inputs, procedures: Map<string, ProcedureFacts>, now: string): DossierIndexFact {
  const id = Number(d.id);
  // A version not (yet) stored is not remembered either: the cache only keeps what the database holds.
  const procedure = procedures.get(procedureKey(d.procedure_code, Number(d.procedure_version))) ?? NO_PROCEDURE_FACTS;
  const components = inputs.components.get(id) ?? [];
  const orders = inputs.orders.get(id) ?? [];
  const online = d.channel === 'online';
  const processed = PROCESSED.has(d.status) && d.finished_at !== null;
  const supplements = Number(d.supplement_count);
  let timeliness: string | null = null;
  let lateReason: string | null = null;
  if (processed) {
    // The appointment (due_at) already moved by the citizen's supplement time; more than one request is late anyway.
    const base = d.timeliness ?? (d.due_at !== null && d.finished_at! > d.due_at ? 'late' : 'onTime');
    const pastDue = base === 'late';
    const bySupplements = supplements > 1;
    timeliness = pastDue || bySupplements ? 'late' : base;
    lateReason = pastDue && bySupplements ? 'both' : pastDue ? 'past_due' : bySupplements ? 'supplements' : null;
  }
  const granted = (d.status === 'result_ready' || d.status === 'returned') && d.outcome !== 'refused';
  const hasResult = d.result_file_id !== null;
  const score = inputs.ratings.get(id);
  return {
    dossier_id: id,
    unit_id: Number(d.unit_id),
    procedure_code: d.procedure_code,
    channel: d.channel,
    status: d.status,
    received_month: d.received_at ? localMonthOf(d.received_at) : null,
    finished_month: ENDED.has(d.status) && d.finished_at ? localMonthOf(d.finished_at) : null,
    timeliness,
    late_reason: lateReason,
    supplement_count: supplements,
    online: online ? 1 : 0,
    // Indicator 3.3: an online dossier counts only with an electronic result where the procedure issues one.
    online_counted: online && (!procedure.electronicResult || hasResult) ? 1 : 0,
    result_electronic_expected: granted && procedure.electronicResult ? 1 : 0,
    result_electronic: granted && procedure.electronicResult && hasResult ? 1 : 0,
    fee_required: orders.some((s) => s !== 'cancelled') ? 1 : 0,
    paid: orders.includes('paid') ? 1 : 0,
    paid_online: inputs.online.has(id) ? 1 : 0,
    components: components.length,
    components_digitised: components.filter((c) => Number(c.digitised) === 1 && c.source !== 'paper').length,
    components_reusable: components.filter((c) => procedure.reusable.has(c.requirement_code)).length,
    components_reused: components.filter((c) => procedure.reusable.has(c.requirement_code) && c.source === 'data_store').length,
    components_from_store: components.filter((c) => c.source === 'data_store').length,
    eid_verified: online && d.owner_user_id !== null && inputs.eid.has(Number(d.owner_user_id)) ? 1 : 0,
    rating: score ?? null,
    rated_negative: score !== undefined && score <= NEGATIVE_RATING_MAX ? 1 : 0,
    updated_at: now,
  };
}

/** What one fact adds to the monthly counters: the received side in its received month, the rest when it ended. */
export function countersOf(fact: Pick<DossierIndexFact, Exclude<keyof DossierIndexFact, 'updated_at'>>): { received: Partial<Record<MonthlyCounter, number>>; finished: Partial<Record<MonthlyCounter, number>> } {
  const received: Partial<Record<MonthlyCounter, number>> = {};
  if (fact.received_month) {
    Object.assign(received, {
      received: 1,
      received_online: fact.channel === 'online' ? 1 : 0,
      received_counter: fact.channel === 'counter' ? 1 : 0,
      received_postal: fact.channel === 'postal' ? 1 : 0,
      online_counted: Number(fact.online_counted),
      fee_required: Number(fact.fee_required),
      paid: Number(fact.paid),
      paid_online: Number(fact.paid_online),
      components: Number(fact.components),
      components_digitised: Number(fact.components_digitised),
      components_reusable: Number(fact.components_reusable),
      components_reused: Number(fact.components_reused),
      components_from_store: Number(fact.components_from_store),
      eid_verified: Number(fact.eid_verified),
    });
  }
  const finished: Partial<Record<MonthlyCounter, number>> = {};
  if (fact.finished_month) {
    const processed = PROCESSED.has(fact.status) ? 1 : 0;
    Object.assign(finished, {
      finished: processed,
      finished_early: fact.timeliness === 'early' ? 1 : 0,
      finished_on_time: fact.timeliness === 'onTime' ? 1 : 0,
      finished_late: fact.timeliness === 'late' ? 1 : 0,
      finished_late_supplements: fact.late_reason === 'supplements' || fact.late_reason === 'both' ? 1 : 0,
      refused_intake: fact.status === 'refused_intake' ? 1 : 0,
      withdrawn: fact.status === 'withdrawn' ? 1 : 0,
      stopped: fact.status === 'stopped' ? 1 : 0,
      result_electronic_expected: Number(fact.result_electronic_expected),
      result_electronic: Number(fact.result_electronic),
      rated: fact.rating !== null && fact.rating !== undefined ? 1 : 0,
      rated_negative: Number(fact.rated_negative),
    });
  }
  return { received, finished };
}

type Delta = Map<string, { unit_id: number; procedure_code: string; month: string; counters: Partial<Record<MonthlyCounter, number>> }>;

function addToDelta(delta: Delta, fact: StoredFact | DossierIndexFact | undefined, sign: 1 | -1): void {
  if (!fact) return;
  const { received, finished } = countersOf(fact);
  const sides: [string | null | undefined, Partial<Record<MonthlyCounter, number>>][] = [[fact.received_month, received], [fact.finished_month, finished]];
  for (const [month, counters] of sides) {
    if (!month) continue;
    const key = `${fact.unit_id}|${fact.procedure_code}|${month}`;
    const entry = delta.get(key) ?? { unit_id: Number(fact.unit_id), procedure_code: fact.procedure_code, month, counters: {} };
    for (const [name, value] of Object.entries(counters) as [MonthlyCounter, number][]) entry.counters[name] = (entry.counters[name] ?? 0) + sign * value;
    delta.set(key, entry);
  }
}

/**
 * Adds the differences to the monthly counters by upsert-increment, so concurrent transactions on PostgreSQL each add
 * their own change (`x = x + excluded.x` under the row lock) instead of overwriting one another. Keys are sorted so
 * two transactions lock counter rows in the same order.
 */
async function applyDelta(tx: Executor, delta: Delta): Promise<void> {
  const rows = [...delta.entries()]
    .filter(([, entry]) => Object.values(entry.counters).some((v) => v !== 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, entry]) => ({
      unit_id: entry.unit_id,
      procedure_code: entry.procedure_code,
      month: entry.month,
      ...Object.fromEntries(MONTHLY_COUNTERS.map((name) => [name, entry.counters[name] ?? 0])),
    }));
  if (rows.length === 0) return;
  await tx
    .insertInto('service_index_monthly')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['unit_id', 'procedure_code', 'month']).doUpdateSet(
        Object.fromEntries(MONTHLY_COUNTERS.map((name) => [name, sql`service_index_monthly.${sql.ref(name)} + excluded.${sql.ref(name)}`])) as any,
      ),
    )
    .execute();
}

/**
 * Recomputes one dossier's facts and moves the monthly counters by (new − old), in the caller's transaction — called
 * with every dossier event (insertEvent), so the index is always in step with the dossiers (issue 6: live figures).
 */
export async function refreshDossierIndexFacts(tx: Executor, dossierId: number): Promise<void> {
  let query = tx.selectFrom('dossier_index_facts').selectAll().where('dossier_id', '=', dossierId);
  // Two transactions on one dossier would both read the same old facts; the row lock orders them on PostgreSQL.
  if (dialectOf(tx) === 'postgres') query = query.forUpdate();
  const old = await query.executeTakeFirst();
  const procedures = procedureFactsOf(tx);
  const inputs = await loadInputs(tx, dossierId, dossierId, procedures);
  const row = inputs.dossiers[0];
  const fact = row ? factOf(row, inputs, procedures, new Date().toISOString()) : undefined;
  const delta: Delta = new Map();
  addToDelta(delta, old, -1);
  addToDelta(delta, fact, 1);
  if (fact) {
    const { dossier_id: _id, ...changes } = fact;
    await tx.insertInto('dossier_index_facts').values(fact).onConflict((oc) => oc.column('dossier_id').doUpdateSet(changes)).execute();
  } else if (old) {
    await tx.deleteFrom('dossier_index_facts').where('dossier_id', '=', dossierId).execute();
  }
  await applyDelta(tx, delta);
}

/** After a unit merge moved open dossiers away from `mergedUnitId`, their facts (and counters) follow them. */
export async function refreshMovedDossierFacts(tx: Executor, mergedUnitId: number): Promise<void> {
  const moved = await tx
    .selectFrom('dossier_index_facts')
    .innerJoin('dossiers', 'dossiers.id', 'dossier_index_facts.dossier_id')
    .select('dossier_index_facts.dossier_id')
    .where('dossier_index_facts.unit_id', '=', mergedUnitId)
    .whereRef('dossiers.unit_id', '!=', 'dossier_index_facts.unit_id')
    .orderBy('dossier_index_facts.dossier_id')
    .execute();
  for (const { dossier_id } of moved) await refreshDossierIndexFacts(tx, Number(dossier_id));
}

const REBUILD_BATCH = 5000;
const INSERT_CHUNK = 400;
/** Negative = KiB (SQLite PRAGMA cache_size). */
const SQLITE_REBUILD_CACHE_KIB = -262_144;

const when = (condition: string) => `CASE WHEN ${condition} THEN 1 ELSE 0 END`;

/**
 * What one fact row adds to each counter, as SQL over the row's columns — the same rules as `countersOf` (the tests
 * compare a rebuild with the incremental counters, and the drill-down lists with the figures).
 */
export const ROW_COUNTER_SQL: { received: Record<string, string>; finished: Record<string, string> } = (() => {
  const received: Record<string, string> = {
    received: '1',
    received_online: when(`channel = 'online'`),
    received_counter: when(`channel = 'counter'`),
    received_postal: when(`channel = 'postal'`),
  };
  for (const name of RECEIVED_COUNTERS) received[name] ??= name;
  const finished: Record<string, string> = {
    finished: when(`status IN ('result_ready', 'returned', 'stopped')`),
    finished_early: when(`timeliness = 'early'`),
    finished_on_time: when(`timeliness = 'onTime'`),
    finished_late: when(`timeliness = 'late'`),
    finished_late_supplements: when(`late_reason IN ('supplements', 'both')`),
    refused_intake: when(`status = 'refused_intake'`),
    withdrawn: when(`status = 'withdrawn'`),
    stopped: when(`status = 'stopped'`),
    rated: when('rating IS NOT NULL'),
  };
  for (const name of FINISHED_COUNTERS) finished[name] ??= name;
  return { received, finished };
})();

/** The set SQL that sums the fact rows into monthly counters. */
function monthlyFromFactsSql(): string {
  const side = (month: string, own: Record<string, string>) =>
    `SELECT unit_id, procedure_code, ${month} AS month, ${MONTHLY_COUNTERS.map((name) => `${own[name] ? `SUM(${own[name]})` : '0'} AS ${name}`).join(', ')} ` +
    `FROM dossier_index_facts WHERE ${month} IS NOT NULL GROUP BY unit_id, procedure_code, ${month}`;
  return (
    `INSERT INTO service_index_monthly (unit_id, procedure_code, month, ${MONTHLY_COUNTERS.join(', ')}) ` +
    `SELECT unit_id, procedure_code, month, ${MONTHLY_COUNTERS.map((name) => `SUM(${name})`).join(', ')} ` +
    `FROM (${side('received_month', ROW_COUNTER_SQL.received)} UNION ALL ${side('finished_month', ROW_COUNTER_SQL.finished)}) sides ` +
    `GROUP BY unit_id, procedure_code, month`
  );
}

/**
 * Recomputes every dossier's facts and the monthly counters from scratch (CLI `cqs index rebuild`, bench): facts in
 * id batches, then the counters in one set query over the facts. One transaction, so readers never see half of it.
 */
export async function rebuildServiceIndex(db: Db, options: { batchSize?: number } = {}): Promise<{ dossiers: number; monthlyRows: number }> {
  const batchSize = options.batchSize ?? REBUILD_BATCH;
  // SQLite's default 2 MB page cache thrashes on a million fact rows and their indexes (134 s → 41 s for 200,000
  // dossiers measured with 256 MB); the connection's own setting is restored afterwards.
  const sqlite = dialectOf(db) === 'sqlite';
  const previousCache = sqlite ? (await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(db)).rows[0]?.cache_size : undefined;
  if (sqlite) await sql.raw(`PRAGMA cache_size = ${SQLITE_REBUILD_CACHE_KIB}`).execute(db);
  try {
    return await rebuildInTransaction(db, batchSize);
  } finally {
    if (sqlite && previousCache !== undefined) await sql.raw(`PRAGMA cache_size = ${Number(previousCache)}`).execute(db);
  }
}

async function rebuildInTransaction(db: Db, batchSize: number): Promise<{ dossiers: number; monthlyRows: number }> {
  return db.transaction().execute(async (tx) => {
    await tx.deleteFrom('service_index_monthly').execute();
    await tx.deleteFrom('dossier_index_facts').execute();
    const bounds = await tx.selectFrom('dossiers').select([sql<number>`min(id)`.as('low'), sql<number>`max(id)`.as('high')]).executeTakeFirst();
    const procedures = new Map<string, ProcedureFacts>();
    const now = new Date().toISOString();
    let count = 0;
    if (bounds?.low !== null && bounds?.low !== undefined) {
      for (let from = Number(bounds.low); from <= Number(bounds.high); from += batchSize) {
        const inputs = await loadInputs(tx, from, from + batchSize - 1, procedures);
        const facts = inputs.dossiers.map((d) => factOf(d, inputs, procedures, now));
        for (let i = 0; i < facts.length; i += INSERT_CHUNK) await tx.insertInto('dossier_index_facts').values(facts.slice(i, i + INSERT_CHUNK)).execute();
        count += facts.length;
      }
    }
    await sql.raw(monthlyFromFactsSql()).execute(tx);
    const rows = await tx.selectFrom('service_index_monthly').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    return { dossiers: count, monthlyRows: Number(rows.n) };
  });
}
