/**
 * `npm run bench` (issue 7): the platform at scale — BENCH_SCALE_DOSSIERS (default 1,000,000) dossiers with their
 * histories (scale-dataset.ts, generated once and cached) — on SQLite with one server node, on PostgreSQL with one
 * node and with two nodes sharing the database. Nodes are `cqs serve` processes (compiled dist/, built first);
 * PostgreSQL runs with production durability (fsync, synchronous_commit, full_page_writes on).
 *
 * Scenarios: online filing with an Idempotency-Key, public tracking (over HTTP, and trackDossier in process), the
 * one-stop officer's worklist, a dossier search, workflow actions (receive) on existing dossiers, the province
 * dashboard over HTTP and the service index of every unit in process. Each figure sits beside its ceilings from the
 * same run: the bare Fastify route (HTTP ceiling) and the same rows inserted or selected raw through the same driver
 * at the same concurrency (storage ceiling, scale-storage.ts). Goals (issue 7) printed met / NOT met; the server's
 * memory is its peak resident set (VmHWM) over the whole run at the full dataset.
 * Results: bench-results/scale.json and scale.md.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../src/platform/database/database.js';
import type { DialectName } from '../src/platform/database/dialect.js';
import { SessionKind, createSession } from '../src/platform/auth/sessions.js';
import { trackDossier } from '../src/modules/dossiers/tracking.js';
import { computeServiceIndex } from '../src/modules/service-index/compute-service-index.js';
import { localToday } from '../src/modules/statistics/period.js';
import { multipartBody } from '../test/support/fixtures.js';
import { DAY_MS } from './dossier-rows.js';
import { copyDataset, SCALE_DOSSIERS, type DatasetCopy, type DatasetMeta } from './scale-dataset.js';
import { startServer, type BenchServer } from './scale-server.js';
import { measureSized } from './scale-scenarios.js';
import { measureRaw, rawAction, rawCleanupSql, rawFiling, rawSelects, type Ceiling, type DossierTemplate, type RawHandle } from './scale-storage.js';
import { CONNECTIONS, DURATION_S, machineLine, writeResults, type Measurement, type Row } from './support.js';
import { pick, seededRandom } from './vietnamese-people.js';

const GOALS = { submissionSqlite: 1_000, submissionPostgres: 800, trackingP99Ms: 5, actions: 2_000, rssMiB: 300 };
/** Worklist, search and dashboard take up to seconds each at 1,000,000 dossiers: fewer clients, as at a desk. */
const REPORT_CONNECTIONS = 2;
/** BENCH_SCALE_DATABASES=postgres runs one database (results then in scale-postgres.{json,md}). */
const DATABASES = (process.env.BENCH_SCALE_DATABASES ?? 'sqlite,postgres').split(',');
const IN_PROCESS_CALLS = 5_000;
const LY_LICH = '2.000488';
/** A minimal valid PDF: what the type sniffer accepts as a scanned document. */
const SAMPLE_PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

interface ScenarioRow {
  target: string;
  database: DialectName;
  nodes: number;
  scenario: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  ok: number;
  failed: number;
  ofHttpCeiling: string;
  storageCeiling: Ceiling | null;
  ofStorageCeiling: string;
}

interface TargetResult {
  target: string;
  database: DialectName;
  nodes: number;
  rows: ScenarioRow[];
  inProcess?: { trackingP50Ms: number; trackingP99Ms: number; serviceIndexMs: number; units: number };
  memory: { peakRssMiB: number; rssMiB: number }[];
  submissions: { acknowledged: number; grewBy: number; consistent: boolean };
}

const pct = (value: number, ceiling: number) => (ceiling > 0 ? `${Math.round((value / ceiling) * 100)} %` : '—');
const ms = (v: number) => Math.round(v * 1000) / 1000;
const log = (target: string, line: string) => console.log(`${target.padEnd(12)} ${line}`);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** What the nodes and the bench share for one target: the people, their sessions and the rows the load uses. */
interface Actors {
  citizen: string;
  officer: { token: string; unitId: number };
  leader: string;
}

async function tokenOf(db: Database['db'], username: string): Promise<string> {
  const user = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return (await createSession(db, { userId: Number(user.id), kind: SessionKind.Token, mfaVerified: true, ip: null, userAgent: null, ttlMs: 6 * 3_600_000 })).secret;
}

/** The one-stop officer whose desk has the most dossiers waiting to be received. */
async function busiestOfficer(db: Database['db']): Promise<{ username: string; unitId: number }> {
  const rows = await db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .innerJoin('dossiers', (join) => join.onRef('dossiers.current_unit_id', '=', 'role_grants.unit_id'))
    .select(['users.username', 'role_grants.unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('role_grants.role', '=', 'one_stop_officer')
    .where('dossiers.status', '=', 'submitted')
    .groupBy(['users.username', 'role_grants.unit_id'])
    .orderBy('n', 'desc')
    .execute();
  if (rows.length === 0) throw new Error('no one-stop officer has submitted dossiers in the dataset');
  return { username: rows[0].username, unitId: Number(rows[0].unit_id) };
}

async function upload(url: string, token: string, fileName: string): Promise<string> {
  const body = await multipartBody({ file: { content: SAMPLE_PDF, fileName, type: 'application/pdf' } });
  const response = await fetch(`${url}/api/files`, { method: 'POST', body: new Uint8Array(body.payload), headers: { ...body.headers, authorization: `Bearer ${token}` } });
  if (response.status !== 201) throw new Error(`upload: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

const countDossiers = async (db: Database['db']) => Number((await db.selectFrom('dossiers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

/** Submitted dossiers at the officer's desk whose procedure allows `receive` (probed once per procedure over HTTP). */
async function receivableCodes(db: Database['db'], url: string, officer: Actors['officer']): Promise<string[]> {
  const rows = await db
    .selectFrom('dossiers')
    .select(['code', 'procedure_code'])
    .where('status', '=', 'submitted')
    .where('current_unit_id', '=', officer.unitId)
    .where('current_role', '=', 'one_stop_officer')
    .orderBy('id')
    .execute();
  const allowed = new Set<string>();
  const probed = new Set<string>();
  for (const row of rows) {
    if (probed.has(row.procedure_code)) continue;
    probed.add(row.procedure_code);
    const response = await fetch(`${url}/api/dossiers/${encodeURIComponent(row.code)}/actions`, {
      method: 'POST',
      body: JSON.stringify({ action: 'receive' }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officer.token}` },
    });
    if (response.status === 200) allowed.add(row.procedure_code);
  }
  return rows.filter((r) => allowed.has(r.procedure_code) && !probed.has(r.code)).map((r) => r.code);
}

async function runTarget(target: string, dialect: DialectName, copy: DatasetCopy, nodes: number, ceiling: number): Promise<TargetResult> {
  // The load comes from one address standing for many citizens: the per-IP rate limit is off; every other
  // setting (overload protection included) is the production default.
  const env: Record<string, string> = { DATA_DIR: copy.dataDir, RATE_LIMIT_PER_IP_PER_MINUTE: '0', ...(copy.databaseUrl ? { DATABASE_URL: copy.databaseUrl } : {}) };
  const servers: BenchServer[] = [];
  const database = openDatabase({ dataDir: copy.dataDir, databaseUrl: copy.databaseUrl, maxConnections: CONNECTIONS });
  const raw: RawHandle = database.sqlite ? { sqlite: database.sqlite } : { pool: new pg.Pool({ connectionString: copy.databaseUrl, max: CONNECTIONS }), concurrency: CONNECTIONS };
  try {
    for (let i = 0; i < nodes; i++) servers.push(await startServer(env, `${target}#${i + 1}`));
    const urls = servers.map((s) => s.url);
    const { db } = database;
    const officerAccount = await busiestOfficer(db);
    const actors: Actors = { citizen: await tokenOf(db, 'congdan'), officer: { token: await tokenOf(db, officerAccount.username), unitId: officerAccount.unitId }, leader: await tokenOf(db, 'lanhdao.tinh') };
    const rows: ScenarioRow[] = [];
    const add = (scenario: string, m: Measurement, storage: Ceiling | null) => {
      const failed = m.non2xx + m.errors;
      log(target, `${scenario.padEnd(44)} ${String(m.rps).padStart(6)} req/s  p99 ${m.p99} ms${failed ? `  (${failed} failed)` : ''}${storage ? `  storage ceiling ${storage.opsPerSecond}/s` : ''}`);
      rows.push({
        target, database: dialect, nodes, scenario, requestsPerSecond: m.rps, p50Ms: m.p50, p99Ms: m.p99, ok: m.ok, failed,
        ofHttpCeiling: pct(m.rps, ceiling), storageCeiling: storage, ofStorageCeiling: storage ? pct(m.rps, storage.opsPerSecond) : '—',
      });
    };
    const run = `${dialect}${nodes}${Date.now().toString(36)}`;
    const random = seededRandom(nodes * 31 + (dialect === 'sqlite' ? 1 : 2));

    // Submission: online filing of 2.000488 (lý lịch tư pháp) by the demo citizen, each request with its own key.
    const attachments = [
      { requirement: 'to_khai', fileId: await upload(urls[0], actors.citizen, 'to-khai.pdf') },
      { requirement: 'giay_to_tuy_than', fileId: await upload(urls[0], actors.citizen, 'can-cuoc.pdf') },
    ];
    const filing = JSON.stringify({
      procedureCode: LY_LICH,
      channel: 'online',
      form: { nguoiYeuCauHoTen: 'Lò Thị Thanh', nguoiYeuCauSoDinhDanh: '011190004217', nguoiYeuCauNoiCuTru: 'Phường Mường Thanh, tỉnh Điện Biên', loaiPhieu: 'Phiếu số 1', mucDich: 'Bổ sung hồ sơ xin việc', soLuongPhieu: 1 },
      attachments,
    });
    let key = 0;
    const before = await countDossiers(db);
    const submit = await measureSized(urls, () => ({ method: 'POST', path: '/api/dossiers', body: filing, headers: { 'content-type': 'application/json', authorization: `Bearer ${actors.citizen}`, 'idempotency-key': `${run}-${key++}` } }));
    const grewBy = (await countDossiers(db)) - before;
    const template = (await db.selectFrom('dossiers').selectAll().where('procedure_code', '=', LY_LICH).where('channel', '=', 'online').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()) as unknown as DossierTemplate;
    const filingCeiling = await measureRaw('dossier + submit event, one transaction', raw, rawFiling(template, run));
    add('POST /api/dossiers (online filing, Idempotency-Key)', submit, filingCeiling);
    for (const statement of rawCleanupSql(run)) {
      if ('sqlite' in raw) raw.sqlite.prepare(statement).run();
      else await raw.pool.query(statement);
    }
    // Every acknowledged filing (warm-up included) made its dossier; a request the client gave up on (timeout) may
    // have been committed too, but nothing else made a dossier.
    const submissions = { acknowledged: submit.acknowledged, grewBy, consistent: grewBy >= submit.acknowledged && grewBy <= submit.acknowledged + submit.errors + submit.non2xx };

    // Tracking: random existing codes, public (no login).
    const codes = (await db.selectFrom('dossiers').select('code').where((eb) => eb(eb.fn('mod', ['id', eb.val(97)]), '=', 0)).limit(5_000).execute()).map((r) => r.code);
    const track = await measureSized(urls, () => ({ method: 'GET', path: `/api/tracking/${encodeURIComponent(pick(random, codes))}` }));
    const trackingCeiling = await measureRaw(
      'dossier by code + its events',
      raw,
      rawSelects('raw-tracking', ['select * from dossiers where code = ?', 'select * from dossier_events where dossier_id = (select id from dossiers where code = ?) order by seq'], () => {
        const code = pick(random, codes);
        return [[code], [code]];
      }),
    );
    add('GET /api/tracking/{code}', track, trackingCeiling);

    // Worklist: "Cần xử lý" of the busiest one-stop desk, first page.
    const officerAuth = { authorization: `Bearer ${actors.officer.token}` };
    const worklist = await measureSized(urls, () => ({ method: 'GET', path: '/api/dossiers?view=actionable&pageSize=20', headers: officerAuth }), { connections: REPORT_CONNECTIONS });
    const actionable = "status in ('submitted', 'received', 'processing', 'result_ready') and \"current_role\" = 'one_stop_officer' and current_unit_id = ?";
    const slowRaw: RawHandle = 'sqlite' in raw ? raw : { pool: raw.pool, concurrency: REPORT_CONNECTIONS };
    const worklistCeiling = await measureRaw(
      'count + page of 20, same filter',
      slowRaw,
      rawSelects('raw-worklist', [`select count(*) from dossiers where ${actionable}`, `select * from dossiers where ${actionable} order by submitted_at desc, id desc limit 20`], () => [[actors.officer.unitId], [actors.officer.unitId]]),
    );
    add(`GET /api/dossiers?view=actionable (worklist, ${REPORT_CONNECTIONS} connections)`, worklist, worklistCeiling);

    // Search: an applicant's given name at the officer's desk (folded, as the search box sends it).
    const names = (await db.selectFrom('dossiers').select('search_text').where('receiving_unit_id', '=', actors.officer.unitId).limit(2_000).execute()).map((r) => r.search_text.split(' ').slice(-2).join(' '));
    const search = await measureSized(urls, () => ({ method: 'GET', path: `/api/dossiers?q=${encodeURIComponent(pick(random, names))}&pageSize=20`, headers: officerAuth }), { connections: REPORT_CONNECTIONS });
    const scope = 'search_text like ? and (unit_id = ? or receiving_unit_id = ? or current_unit_id = ?)';
    const searchCeiling = await measureRaw(
      'count + page of 20, same filter',
      slowRaw,
      rawSelects('raw-search', [`select count(*) from dossiers where ${scope}`, `select * from dossiers where ${scope} order by submitted_at desc, id desc limit 20`], () => {
        const params = [`%${pick(random, names)}%`, actors.officer.unitId, actors.officer.unitId, actors.officer.unitId];
        return [params, params];
      }),
    );
    add(`GET /api/dossiers?q= (search, ${REPORT_CONNECTIONS} connections)`, search, searchCeiling);

    // Actions: the desk receives waiting dossiers, each once.
    const receivable = await receivableCodes(db, urls[0], actors.officer);
    const perNode = urls.map((_, node) => receivable.filter((_, i) => i % urls.length === node));
    let actions: Measurement | undefined;
    if (receivable.length >= 40 * CONNECTIONS) {
      actions = await measureSized(
        urls,
        (node) => ({ method: 'POST', path: `/api/dossiers/${encodeURIComponent(perNode[node].pop() ?? 'none')}/actions`, body: '{"action":"receive"}', headers: { 'content-type': 'application/json', ...officerAuth } }),
        { available: receivable.length - 2 * urls.length },
      );
    } else log(target, `only ${receivable.length} receivable dossiers: action throughput not measured`);
    const returned = (await db.selectFrom('dossiers').select('id').where('status', '=', 'returned').orderBy('id').limit(20_000).execute()).map((r) => Number(r.id));
    const actionCeiling = await measureRaw('dossier update + event, one transaction', raw, rawAction(returned));
    if (actions) add('POST /api/dossiers/{code}/actions (receive)', actions, actionCeiling);

    // Reports: the province dashboard over a year, as the provincial leader.
    const to = localToday(new Date());
    const from = localToday(new Date(Date.now() - 364 * DAY_MS));
    const leaderAuth = { authorization: `Bearer ${actors.leader}` };
    const dashboard = await measureSized(urls, () => ({ method: 'GET', path: `/api/statistics/dashboard?from=${from}&to=${to}`, headers: leaderAuth }), { connections: REPORT_CONNECTIONS });
    const pending = "status in ('submitted', 'received', 'processing', 'supplement_requested', 'fee_due')";
    const reportCeiling = await measureRaw(
      'monthly counters + pending counts, same periods',
      slowRaw,
      rawSelects('raw-report', [
        'select unit_id, procedure_code, sum(received) from service_index_monthly where month >= ? and month <= ? group by unit_id, procedure_code',
        `select unit_id, procedure_code, count(*) from dossiers where ${pending} group by unit_id, procedure_code`,
      ], () => [[from.slice(0, 7), to.slice(0, 7)], []]),
    );
    add(`GET /api/statistics/dashboard (a year, ${REPORT_CONNECTIONS} connections)`, dashboard, reportCeiling);

    let inProcess: TargetResult['inProcess'];
    if (nodes === 1) {
      for (let i = 0; i < 500; i++) await trackDossier(db, pick(random, codes), {}, null);
      const times: number[] = [];
      for (let i = 0; i < IN_PROCESS_CALLS; i++) {
        const code = pick(random, codes);
        const started = performance.now();
        await trackDossier(db, code, {}, null);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const units = (await db.selectFrom('units').select('id').execute()).map((r) => Number(r.id));
      await computeServiceIndex(db, { unitIds: units, from, to, lang: 'vi' });
      const started = performance.now();
      await computeServiceIndex(db, { unitIds: units, from, to, lang: 'vi' });
      inProcess = { trackingP50Ms: ms(percentile(times, 50)), trackingP99Ms: ms(percentile(times, 99)), serviceIndexMs: Math.round(performance.now() - started), units: units.length };
      log(target, `trackDossier in process p50 ${inProcess.trackingP50Ms} ms, p99 ${inProcess.trackingP99Ms} ms; service index of ${units.length} units ${inProcess.serviceIndexMs} ms`);
    }
    const memory = servers.map((s) => s.memory());
    log(target, `server peak RSS ${memory.map((m) => `${m.peakRssMiB} MiB`).join(', ')}`);
    return { target, database: dialect, nodes, rows, inProcess, memory, submissions };
  } finally {
    for (const server of servers) await server.stop();
    if ('pool' in raw) await raw.pool.end();
    await database.close();
  }
}

function buildServer(): void {
  if (process.env.BENCH_SKIP_BUILD === '1') return;
  // The nodes run dist/: compile what is in src/ now, so the figures belong to this tree.
  const result = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npx tsc -p tsconfig.build.json failed: the server nodes would run stale code');
}

function goalsOf(results: TargetResult[]) {
  const rowOf = (target: string, prefix: string) => results.find((r) => r.target === target)?.rows.find((row) => row.scenario.startsWith(prefix));
  const goals: { goal: string; measured: string; met: boolean }[] = [];
  const filing = (target: string, goal: number) => {
    const row = rowOf(target, 'POST /api/dossiers (');
    if (row) goals.push({ goal: `submission ≥ ${goal}/s (${target})`, measured: `${row.requestsPerSecond}/s`, met: row.requestsPerSecond >= goal });
  };
  filing('sqlite ×1', GOALS.submissionSqlite);
  filing('postgres ×1', GOALS.submissionPostgres);
  filing('postgres ×2', GOALS.submissionPostgres);
  for (const r of results) {
    if (r.inProcess) goals.push({ goal: `tracking p99 ≤ ${GOALS.trackingP99Ms} ms in process (${r.database})`, measured: `${r.inProcess.trackingP99Ms} ms`, met: r.inProcess.trackingP99Ms <= GOALS.trackingP99Ms });
  }
  for (const r of results) {
    const row = rowOf(r.target, 'POST /api/dossiers/{code}/actions');
    if (row) goals.push({ goal: `actions ≥ ${GOALS.actions}/s (${r.target})`, measured: `${row.requestsPerSecond}/s`, met: row.requestsPerSecond >= GOALS.actions });
  }
  for (const r of results.filter((x) => x.nodes === 1)) {
    const peak = Math.max(...r.memory.map((m) => m.peakRssMiB));
    goals.push({ goal: `server RSS ≤ ${GOALS.rssMiB} MB (${r.target}, ${r.rows.length} scenarios, peak)`, measured: `${peak} MiB`, met: peak <= GOALS.rssMiB });
  }
  return goals;
}

function markdownOf(ceiling: Row, results: TargetResult[], datasets: DatasetMeta[], machine: string): string {
  const goals = goalsOf(results);
  return [
    `# Scale bench (issue 7) — ${new Date().toISOString()}`,
    '',
    `${machine}. ${CONNECTIONS} connections (reports: ${REPORT_CONNECTIONS}), ${DURATION_S} s per scenario; nodes are \`cqs serve\` processes; PostgreSQL with fsync, synchronous_commit and full_page_writes on; SQLite in WAL with synchronous FULL (the platform's settings).`,
    `Datasets: ${datasets.map((d) => `${d.database} ${d.dossiers.toLocaleString('en')} dossiers, ${d.events.toLocaleString('en')} events, ${d.payments.toLocaleString('en')} payments, ${d.units} units, ${d.procedures} procedures (schema ${d.schema}, generated in ${d.seconds.total} s)`).join('; ')}.`,
    `HTTP ceiling: bare Fastify route ${ceiling.requestsPerSecond} req/s (p99 ${ceiling.p99Ms} ms).`,
    '',
    '| target | scenario | req/s | p50 ms | p99 ms | failed | of HTTP ceiling | storage ceiling (raw, same driver and concurrency) | ops/s | of storage ceiling |',
    '|---|---|---:|---:|---:|---:|---:|---|---:|---:|',
    ...results.flatMap((r) =>
      r.rows.map((x) => `| ${x.target} | ${x.scenario} | ${x.requestsPerSecond} | ${x.p50Ms} | ${x.p99Ms} | ${x.failed} | ${x.ofHttpCeiling} | ${x.storageCeiling?.name ?? '—'} | ${x.storageCeiling?.opsPerSecond ?? '—'} | ${x.ofStorageCeiling} |`),
    ),
    '',
    '| target | trackDossier in process p50 ms | p99 ms | service index, every unit, a year (in process) ms | server peak RSS MiB | filings acknowledged | dossiers grew by |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.target} | ${r.inProcess?.trackingP50Ms ?? '—'} | ${r.inProcess?.trackingP99Ms ?? '—'} | ${r.inProcess?.serviceIndexMs ?? '—'} | ${r.memory.map((m) => m.peakRssMiB).join(' / ')} | ${r.submissions.acknowledged} | ${r.submissions.grewBy} |`,
    ),
    '',
    '| goal | measured | |',
    '|---|---:|---|',
    ...goals.map((g) => `| ${g.goal} | ${g.measured} | ${g.met ? 'met' : 'NOT met'} |`),
  ].join('\n');
}

export async function benchScale(ceiling: Row): Promise<void> {
  buildServer();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-bench-scale-'));
  // The PostgreSQL copy inside runs as the postgres user when the bench runs as root: it must reach its directory.
  fs.chmodSync(scratch, 0o755);
  const results: TargetResult[] = [];
  const datasets: DatasetMeta[] = [];
  try {
    if (DATABASES.includes('sqlite')) {
      const sqlite = await copyDataset('sqlite', scratch);
      datasets.push(sqlite.meta);
      try {
        results.push(await runTarget('sqlite ×1', 'sqlite', sqlite, 1, ceiling.requestsPerSecond));
      } finally {
        sqlite.dispose();
      }
    }
    if (DATABASES.includes('postgres')) {
      // One copy for both: the two-node run files and receives further dossiers after the one-node run's.
      const postgres = await copyDataset('postgres', scratch);
      datasets.push(postgres.meta);
      try {
        results.push(await runTarget('postgres ×1', 'postgres', postgres, 1, ceiling.requestsPerSecond));
        results.push(await runTarget('postgres ×2', 'postgres', postgres, 2, ceiling.requestsPerSecond));
      } finally {
        postgres.dispose();
      }
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const machine = machineLine();
  writeResults(DATABASES.length === 2 ? 'scale' : `scale-${DATABASES.join('-')}`, { machine, dossiers: SCALE_DOSSIERS, connections: CONNECTIONS, durationSeconds: DURATION_S, ceiling, datasets, goals: goalsOf(results), results }, markdownOf(ceiling, results, datasets, machine));
  const inconsistent = results.filter((r) => !r.submissions.consistent);
  if (inconsistent.length > 0) throw new Error(`filings: an acknowledged filing without its dossier, or more dossiers than requests, on ${inconsistent.map((r) => r.target).join(', ')}`);
}
