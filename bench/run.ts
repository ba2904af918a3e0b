/**
 * `npm run bench` — throughput and latency of the platform's request path on SQLite and PostgreSQL, each figure
 * next to its ceiling measured in the same run: a bare Fastify route on the same machine (HTTP ceiling).
 * Not part of `npm test`. Results: bench-results/foundation.json and .md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp, type App } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase, type Database } from '../src/platform/database/database.js';
import type { DialectName } from '../src/platform/database/dialect.js';
import { SessionKind, createSession } from '../src/platform/auth/sessions.js';
import { insertProvinceTree, insertUser } from '../test/support/fixtures.js';
import { startPostgresCluster, type PostgresCluster } from '../test/support/postgres-cluster.js';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

interface Row {
  scenario: string;
  database: DialectName | '—';
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  ofCeiling: string;
}

async function measure(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99 };
}

async function listen(app: { listen(o: { port: number; host: string }): Promise<string>; server: { address(): unknown } }) {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

async function openBenchDatabase(dialect: DialectName, cluster: PostgresCluster | undefined, dataDir: string): Promise<Database> {
  if (dialect === 'sqlite') return openDatabase({ dataDir });
  const admin = new pg.Client({ connectionString: cluster!.url });
  await admin.connect();
  await admin.query('CREATE DATABASE cqs_bench');
  await admin.end();
  const url = new URL(cluster!.url);
  url.pathname = '/cqs_bench';
  return openDatabase({ dataDir, databaseUrl: url.toString(), maxConnections: 20 });
}

async function benchDialect(dialect: DialectName, cluster: PostgresCluster | undefined, ceiling: number): Promise<Row[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-bench-'));
  const database = await openBenchDatabase(dialect, cluster, dataDir);
  const config = loadConfig({ LOG_LEVEL: 'silent', CQS_SEED_DEMO: 'false', DATA_DIR: dataDir });
  const app: App = await buildApp({ config, database });
  try {
    const tree = await insertProvinceTree(database.db);
    const admin = await insertUser(database.db, {
      unitId: tree.province,
      withTotp: true,
      roles: [{ role: 'admin', unitId: tree.province, includeSubtree: true }],
    });
    const token = await createSession(database.db, {
      userId: admin.id,
      kind: SessionKind.Token,
      mfaVerified: true,
      ip: null,
      userAgent: null,
      ttlMs: 3_600_000,
    });
    const base = await listen(app);
    const auth = { authorization: `Bearer ${token.secret}` };
    const scenarios: [string, string, Record<string, string>][] = [
      ['GET /api/health (database ping)', '/api/health', {}],
      ['GET /api/auth/me (session + grants lookup)', '/api/auth/me', auth],
      ['GET /api/units (permission check + list)', '/api/units', auth],
    ];
    const rows: Row[] = [];
    for (const [scenario, route, headers] of scenarios) {
      const m = await measure(base + route, headers);
      rows.push({ scenario, database: dialect, requestsPerSecond: m.rps, p50Ms: m.p50, p99Ms: m.p99, ofCeiling: `${Math.round((m.rps / ceiling) * 100)} %` });
      console.log(`${dialect.padEnd(8)} ${scenario.padEnd(46)} ${String(m.rps).padStart(7)} req/s  p99 ${m.p99} ms`);
    }
    return rows;
  } finally {
    await app.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ status: 'ok' }));
  const bareUrl = await listen(bare);
  const ceilingRun = await measure(`${bareUrl}/bare`);
  await bare.close();
  console.log(`ceiling  bare Fastify route ${String(ceilingRun.rps).padStart(36)} req/s  p99 ${ceilingRun.p99} ms`);
  const rows: Row[] = [
    { scenario: 'bare Fastify route (HTTP ceiling)', database: '—', requestsPerSecond: ceilingRun.rps, p50Ms: ceilingRun.p50, p99Ms: ceilingRun.p99, ofCeiling: '100 %' },
  ];
  rows.push(...(await benchDialect('sqlite', undefined, ceilingRun.rps)));
  const cluster = await startPostgresCluster();
  try {
    rows.push(...(await benchDialect('postgres', cluster, ceilingRun.rps)));
  } finally {
    cluster.stop();
  }

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const table = [
    `Benchmark ${new Date().toISOString()} — ${machine}; ${CONNECTIONS} connections, ${DURATION_S} s per scenario`,
    '',
    '| scenario | database | req/s | p50 ms | p99 ms | of ceiling |',
    '|---|---|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.scenario} | ${r.database} | ${r.requestsPerSecond} | ${r.p50Ms} | ${r.p99Ms} | ${r.ofCeiling} |`),
  ].join('\n');
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync('bench-results/foundation.json', JSON.stringify({ machine, connections: CONNECTIONS, durationSeconds: DURATION_S, rows }, null, 2));
  fs.writeFileSync('bench-results/foundation.md', `${table}\n`);
  console.log(`\n${table}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
