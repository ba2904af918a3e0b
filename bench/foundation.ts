/**
 * The platform's request path (issue 2): a database ping, the session and grants lookup, a permission check and a
 * list, on SQLite and PostgreSQL. Results: bench-results/foundation.json and .md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, type App } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import type { DialectName } from '../src/platform/database/dialect.js';
import { SessionKind, createSession } from '../src/platform/auth/sessions.js';
import { insertProvinceTree, insertUser } from '../test/support/fixtures.js';
import type { PostgresCluster } from '../test/support/postgres-cluster.js';
import { CONNECTIONS, DURATION_S, listen, machineLine, measure, openBenchDatabase, rowOf, rowsTable, writeResults, type Row } from './support.js';

async function benchDialect(dialect: DialectName, cluster: PostgresCluster | undefined, ceiling: number): Promise<Row[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-bench-'));
  const database = await openBenchDatabase(dialect, cluster, dataDir, 'cqs_bench');
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
    for (const [scenario, route, headers] of scenarios) rows.push(rowOf(scenario, dialect, await measure(base + route, { headers }), ceiling));
    return rows;
  } finally {
    await app.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchFoundation(ceiling: Row, cluster: PostgresCluster): Promise<void> {
  const rows: Row[] = [ceiling];
  rows.push(...(await benchDialect('sqlite', undefined, ceiling.requestsPerSecond)));
  rows.push(...(await benchDialect('postgres', cluster, ceiling.requestsPerSecond)));
  const machine = machineLine();
  const markdown = [`Benchmark ${new Date().toISOString()} — ${machine}; ${CONNECTIONS} connections, ${DURATION_S} s per scenario`, '', ...rowsTable(rows)].join('\n');
  writeResults('foundation', { machine, connections: CONNECTIONS, durationSeconds: DURATION_S, rows }, markdown);
}
