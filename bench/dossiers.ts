/**
 * The one-stop dossiers under load (issue 3): online filing (POST /api/dossiers) and public tracking
 * (GET /api/tracking/{code}) on SQLite and PostgreSQL with BENCH_DOSSIERS (default 100,000) dossiers loaded, each
 * as a share of the bare Fastify route of the same run, plus tracking timed in process (trackDossier called
 * directly). Goals: filings ≥ 1,000/s on SQLite, tracking p99 ≤ 5 ms in process.
 * Results: bench-results/dossiers.json and .md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, type App } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import type { Db } from '../src/platform/database/database.js';
import type { DialectName } from '../src/platform/database/dialect.js';
import { trackDossier } from '../src/modules/dossiers/tracking.js';
import { multipartBody } from '../test/support/fixtures.js';
import type { PostgresCluster } from '../test/support/postgres-cluster.js';
import { FILED_PROCEDURE, setUpBenchWorld } from './bench-world.js';
import { profileFiling, profileMarkdown, type FilingProfile } from './filing-profile.js';
import { loadDossiers, type LoadReport } from './load-dossiers.js';
import { QueryProfile } from './query-profile.js';
import { CONNECTIONS, DURATION_S, listen, machineLine, measure, openBenchDatabase, rowOf, rowsTable, writeResults, type AutocannonOptions, type Measurement, type Row } from './support.js';
import { pick, seededRandom } from './vietnamese-people.js';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 100_000);
const TRACKED_CODES = 5_000;
const IN_PROCESS_CALLS = 5_000;
const PROCEDURES = [FILED_PROCEDURE, '2.001006', '1.001193', '2.000815'];
const SUBMISSIONS_GOAL = 1_000;
const TRACKING_P99_GOAL_MS = 5;

/** A minimal valid PDF: what the type sniffer accepts as a scanned document. */
const SAMPLE_PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

interface DialectResult {
  database: DialectName;
  load: Omit<LoadReport, 'codes'>;
  rows: Row[];
  submissions: { responses2xx: number; non2xx: number; errors: number; dossiersBefore: number; dossiersAfter: number; grewBy: number; consistent: boolean };
  inProcessTracking: { calls: number; p50Ms: number; p99Ms: number; maxMs: number; statements: { statement: string; perCall: number; msPerCall: number }[] };
  filingProfile: FilingProfile;
  /** SQLite: the same with `synchronous = NORMAL` (bench only, the platform keeps FULL): the commit's fsync cost. */
  withoutFsync?: { profile: FilingProfile; requestsPerSecond: number; p99Ms: number };
}

const countDossiers = async (db: Db) => Number((await db.selectFrom('dossiers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

export async function uploadAttachment(app: App, token: string): Promise<string> {
  const body = await multipartBody({ file: { content: SAMPLE_PDF, fileName: 'to-khai.pdf', type: 'application/pdf' } });
  const response = await app.inject({ method: 'POST', url: '/api/files', payload: body.payload, headers: { ...body.headers, authorization: `Bearer ${token}` } });
  if (response.statusCode !== 201) throw new Error(`upload: ${response.statusCode} ${response.body}`);
  return response.json().id;
}

/**
 * Filings over HTTP. A fixed number of requests (autocannon `amount`), sized from a short warm-up to last about
 * DURATION_S: with a duration, requests still in flight when autocannon stops are committed by the server but
 * never counted, and the dossier count could not be checked against the 2xx answers.
 */
async function measureFilings(db: Db, url: string, options: AutocannonOptions) {
  const warmUp = await measure(url, { ...options, amount: 10 * CONNECTIONS }, true);
  const perSecond = warmUp.ok / warmUp.seconds;
  const before = await countDossiers(db);
  const m: Measurement = await measure(url, { ...options, amount: Math.max(10 * CONNECTIONS, Math.round(perSecond * DURATION_S)) }, true);
  const after = await countDossiers(db);
  return { m, check: { responses2xx: m.ok, non2xx: m.non2xx, errors: m.errors, dossiersBefore: before, dossiersAfter: after, grewBy: after - before, consistent: after - before === m.ok } };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** trackDossier called directly, one after another: the request path without HTTP, routing and serialisation. */
async function timeTrackingInProcess(db: Db, codes: string[], random: () => number, profile: QueryProfile) {
  for (let i = 0; i < 500; i++) await trackDossier(db, pick(random, codes), {}, null);
  profile.reset();
  profile.enabled = true;
  const times: number[] = [];
  for (let i = 0; i < IN_PROCESS_CALLS; i++) {
    const code = pick(random, codes);
    const start = performance.now();
    await trackDossier(db, code, {}, null);
    times.push(performance.now() - start);
  }
  profile.enabled = false;
  times.sort((a, b) => a - b);
  const ms = (v: number) => Math.round(v * 1000) / 1000;
  const statements = [...profile.byStatement]
    .map(([statement, { count, ms: total }]) => ({ statement, perCall: ms(count / IN_PROCESS_CALLS), msPerCall: ms(total / IN_PROCESS_CALLS) }))
    .sort((a, b) => b.msPerCall - a.msPerCall);
  return { calls: IN_PROCESS_CALLS, p50Ms: ms(percentile(times, 50)), p99Ms: ms(percentile(times, 99)), maxMs: ms(times[times.length - 1]), statements };
}

async function benchDialect(dialect: DialectName, cluster: PostgresCluster | undefined, ceiling: number): Promise<DialectResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-bench-dossiers-'));
  const profile = new QueryProfile();
  const database = await openBenchDatabase(dialect, cluster, dataDir, 'cqs_bench_dossiers', profile.log);
  const config = loadConfig({ LOG_LEVEL: 'silent', CQS_SEED_DEMO: 'false', DATA_DIR: dataDir });
  const app: App = await buildApp({ config, database });
  try {
    const db = database.db;
    const world = await setUpBenchWorld(db);
    const { codes, ...load } = await loadDossiers(database, world, config, DOSSIERS, PROCEDURES);
    console.log(`${dialect.padEnd(8)} loaded ${load.dossiers} dossiers in ${load.seconds.toFixed(1)} s (${load.counters} code counters)`);
    const base = await listen(app);
    const rows: Row[] = [];

    const fileId = await uploadAttachment(app, world.citizen.token);
    const filing = { procedureCode: FILED_PROCEDURE, channel: 'online', form: { hoTen: world.citizen.fullName, ngaySinh: '1990-04-12' }, attachments: [{ requirement: 'to_khai', fileId }] };
    const filingRequest: AutocannonOptions = { method: 'POST', body: JSON.stringify(filing), headers: { 'content-type': 'application/json', authorization: `Bearer ${world.citizen.token}` } };
    const { m: submit, check: submissions } = await measureFilings(db, `${base}/api/dossiers`, filingRequest);
    rows.push(rowOf('POST /api/dossiers (online filing)', dialect, submit, ceiling));
    console.log(`${dialect.padEnd(8)} filings: ${submit.ok} × 2xx, ${submit.non2xx} non-2xx, ${submit.errors} errors; dossiers grew by ${submissions.grewBy}`);

    const random = seededRandom(7);
    const tracked = Array.from({ length: TRACKED_CODES }, () => pick(random, codes));
    const track = await measure(`${base}/api/tracking/${encodeURIComponent(tracked[0])}`, {
      requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `/api/tracking/${encodeURIComponent(pick(random, tracked))}` }) }],
    });
    rows.push(rowOf('GET /api/tracking/{code} (random existing code)', dialect, track, ceiling));

    const inProcessTracking = await timeTrackingInProcess(db, codes, random, profile);
    console.log(`${dialect.padEnd(8)} trackDossier in process: p50 ${inProcessTracking.p50Ms} ms, p99 ${inProcessTracking.p99Ms} ms`);

    const filingProfile = await profileFiling(app, profile, world.citizen.token, filing);
    console.log(`${dialect.padEnd(8)} filing in process: ${filingProfile.wallMsPerRequest} ms per request`);
    let withoutFsync: DialectResult['withoutFsync'];
    if (dialect === 'sqlite') {
      database.sqlite!.pragma('synchronous = NORMAL');
      try {
        const noFsyncProfile = await profileFiling(app, profile, world.citizen.token, filing);
        const { m } = await measureFilings(db, `${base}/api/dossiers`, filingRequest);
        withoutFsync = { profile: noFsyncProfile, requestsPerSecond: m.rps, p99Ms: m.p99 };
        console.log(`${dialect.padEnd(8)} without fsync: ${noFsyncProfile.wallMsPerRequest} ms in process, ${m.rps} filings/s over HTTP`);
      } finally {
        database.sqlite!.pragma('synchronous = FULL');
      }
    }
    return { database: dialect, load, rows, submissions, inProcessTracking, filingProfile, withoutFsync };
  } finally {
    await app.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function markdownOf(ceiling: Row, results: DialectResult[], machine: string): string {
  const sqlite = results.find((r) => r.database === 'sqlite');
  const sqliteFilings = sqlite?.rows[0].requestsPerSecond ?? 0;
  const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');
  return [
    `Dossier benchmark ${new Date().toISOString()} — ${machine}; ${CONNECTIONS} connections, ${DURATION_S} s per scenario, ${DOSSIERS} dossiers loaded`,
    '',
    ...rowsTable([ceiling, ...results.flatMap((r) => r.rows)]),
    '',
    '| database | load time s | filings 2xx | non-2xx | dossiers grew by | consistent | trackDossier in process p50 ms | p99 ms |',
    '|---|---:|---:|---:|---:|---|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.database} | ${r.load.seconds.toFixed(1)} | ${r.submissions.responses2xx} | ${r.submissions.non2xx} | ${r.submissions.grewBy} | ${r.submissions.consistent ? 'yes' : 'NO'} | ${r.inProcessTracking.p50Ms} | ${r.inProcessTracking.p99Ms} |`,
    ),
    '',
    `Goals: filings ≥ ${SUBMISSIONS_GOAL}/s on SQLite — ${sqliteFilings}/s, ${mark(sqliteFilings >= SUBMISSIONS_GOAL)}; ` +
      `tracking p99 ≤ ${TRACKING_P99_GOAL_MS} ms in process — ${results.map((r) => `${r.database} ${r.inProcessTracking.p99Ms} ms, ${mark(r.inProcessTracking.p99Ms <= TRACKING_P99_GOAL_MS)}`).join('; ')}.`,
    ...results.flatMap((r) =>
      r.withoutFsync
        ? ['', `${r.database} with synchronous = NORMAL (bench only; the platform keeps FULL): ${r.withoutFsync.requestsPerSecond} filings/s over HTTP, p99 ${r.withoutFsync.p99Ms} ms.`]
        : [],
    ),
    ...results.flatMap((r) => [
      '',
      `trackDossier in process on ${r.database} (${r.inProcessTracking.calls} calls): p50 ${r.inProcessTracking.p50Ms} ms, p99 ${r.inProcessTracking.p99Ms} ms, max ${r.inProcessTracking.maxMs} ms`,
      '',
      '| statement | per call | ms / call |',
      '|---|---:|---:|',
      ...r.inProcessTracking.statements.map((t) => `| ${t.statement} | ${t.perCall} | ${t.msPerCall} |`),
    ]),
    ...results.flatMap((r) => [
      '',
      ...profileMarkdown(`Online filing in process on ${r.database}`, r.filingProfile),
      ...(r.withoutFsync ? ['', ...profileMarkdown(`Online filing in process on ${r.database} with synchronous = NORMAL`, r.withoutFsync.profile)] : []),
    ]),
  ].join('\n');
}

export async function benchDossiers(ceiling: Row, cluster: PostgresCluster): Promise<void> {
  const results = [await benchDialect('sqlite', undefined, ceiling.requestsPerSecond), await benchDialect('postgres', cluster, ceiling.requestsPerSecond)];
  const machine = machineLine();
  writeResults(
    'dossiers',
    { machine, connections: CONNECTIONS, durationSeconds: DURATION_S, dossiersLoaded: DOSSIERS, ceiling, results },
    markdownOf(ceiling, results, machine),
  );
  const inconsistent = results.filter((r) => !r.submissions.consistent);
  if (inconsistent.length > 0) throw new Error(`dossier count does not match the 2xx filings on ${inconsistent.map((r) => r.database).join(', ')}`);
}
