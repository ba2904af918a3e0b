/**
 * What would make online filing on SQLite faster, measured rather than guessed: a fresh database with
 * BENCH_DOSSIERS (default 10,000) dossiers, then rounds of BENCH_PROFILE_REQUESTS (default 300) filings through
 * app.inject, one after another, under four variants taken in turn (so a busy machine slows them alike):
 * the platform as it is (synchronous = FULL, a statement prepared for every query), the commit without fsync
 * (synchronous = NORMAL), prepared statements reused (a cache in front of better-sqlite3's prepare), and both.
 *   npx tsx bench/filing-experiments.ts
 * With --cpu-prof it is also the CPU profile of filing (summarise with bench/summarise-cpu-profile.ts):
 *   node --cpu-prof --cpu-prof-dir=.tmp/cpu --import tsx bench/filing-experiments.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import type SQLite from 'better-sqlite3';
import { buildApp, type App } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/database/database.js';
import type { Schema } from '../src/platform/database/schema.js';
import { multipartBody } from '../test/support/fixtures.js';
import { FILED_PROCEDURE, setUpBenchWorld } from './bench-world.js';
import { loadDossiers } from './load-dossiers.js';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 10_000);
const REQUESTS = Number(process.env.BENCH_PROFILE_REQUESTS ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SAMPLE_PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** better-sqlite3 seen by Kysely, with its statements kept by SQL text while `reuse` is on. */
function withStatementCache(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  const control = { reuse: false };
  const database = {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      if (!control.reuse) return sqlite.prepare(text);
      let statement = cache.get(text);
      if (!statement) cache.set(text, (statement = sqlite.prepare(text)));
      return statement;
    },
  };
  return { database, control };
}

async function fileSequentially(app: App, token: string, filing: object): Promise<{ wallMs: number; cpuMs: number }> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < REQUESTS; i++) {
    const response = await app.inject({ method: 'POST', url: '/api/dossiers', headers: { authorization: `Bearer ${token}` }, payload: filing });
    if (response.statusCode !== 201) throw new Error(`filing: ${response.statusCode} ${response.body}`);
  }
  const cpu = process.cpuUsage(cpuBefore);
  return { wallMs: (performance.now() - started) / REQUESTS, cpuMs: (cpu.user + cpu.system) / 1000 / REQUESTS };
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-filing-experiments-'));
  const opened = openDatabase({ dataDir });
  const { database: cached, control } = withStatementCache(opened.sqlite!);
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: cached }) });
  const database = { ...opened, db, close: () => db.destroy() };
  const config = loadConfig({ LOG_LEVEL: 'silent', CQS_SEED_DEMO: 'false', DATA_DIR: dataDir });
  const app = await buildApp({ config, database });
  try {
    const world = await setUpBenchWorld(db);
    await loadDossiers(database, world, config, DOSSIERS, [FILED_PROCEDURE]);
    const body = await multipartBody({ file: { content: SAMPLE_PDF, fileName: 'to-khai.pdf', type: 'application/pdf' } });
    const upload = await app.inject({ method: 'POST', url: '/api/files', payload: body.payload, headers: { ...body.headers, authorization: `Bearer ${world.citizen.token}` } });
    const filing = { procedureCode: FILED_PROCEDURE, channel: 'online', form: { hoTen: world.citizen.fullName, ngaySinh: '1990-04-12' }, attachments: [{ requirement: 'to_khai', fileId: upload.json().id }] };
    const variants = [
      { name: 'as is (synchronous = FULL, prepare per query)', synchronous: 'FULL', reuse: false },
      { name: 'synchronous = NORMAL', synchronous: 'NORMAL', reuse: false },
      { name: 'statements reused', synchronous: 'FULL', reuse: true },
      { name: 'synchronous = NORMAL + statements reused', synchronous: 'NORMAL', reuse: true },
    ];
    const totals = variants.map(() => ({ wallMs: 0, cpuMs: 0 }));
    await fileSequentially(app, world.citizen.token, filing);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, v] of variants.entries()) {
        opened.sqlite!.pragma(`synchronous = ${v.synchronous}`);
        control.reuse = v.reuse;
        const m = await fileSequentially(app, world.citizen.token, filing);
        totals[i].wallMs += m.wallMs / ROUNDS;
        totals[i].cpuMs += m.cpuMs / ROUNDS;
      }
    }
    const load = os.loadavg().map((v) => v.toFixed(1)).join(' ');
    console.log(`Online filing on SQLite in process, ${ROUNDS} × ${REQUESTS} sequential requests per variant, ${DOSSIERS} dossiers loaded, load average ${load}`);
    console.log('\n| variant | wall ms / filing | CPU ms / filing | filings/s on one connection |\n|---|---:|---:|---:|');
    for (const [i, v] of variants.entries()) {
      console.log(`| ${v.name} | ${totals[i].wallMs.toFixed(2)} | ${totals[i].cpuMs.toFixed(2)} | ${Math.round(1000 / totals[i].wallMs)} |`);
    }
  } finally {
    await app.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
