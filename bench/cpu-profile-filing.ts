/**
 * A CPU profile of online filing on SQLite, in process: a fresh database with BENCH_DOSSIERS (default 10,000)
 * dossiers, then BENCH_PROFILE_REQUESTS (default 1,000) filings through app.inject, one after another.
 *   node --cpu-prof --cpu-prof-dir=.tmp/cpu --import tsx bench/cpu-profile-filing.ts
 *   npx tsx bench/summarise-cpu-profile.ts .tmp/cpu/<file>.cpuprofile
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/database/database.js';
import { multipartBody } from '../test/support/fixtures.js';
import { FILED_PROCEDURE, setUpBenchWorld } from './bench-world.js';
import { loadDossiers } from './load-dossiers.js';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 10_000);
const REQUESTS = Number(process.env.BENCH_PROFILE_REQUESTS ?? 1_000);
const SAMPLE_PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-cpu-profile-'));
  const database = openDatabase({ dataDir });
  if (process.env.BENCH_SYNCHRONOUS) database.sqlite!.pragma(`synchronous = ${process.env.BENCH_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
  const config = loadConfig({ LOG_LEVEL: 'silent', CQS_SEED_DEMO: 'false', DATA_DIR: dataDir });
  const app = await buildApp({ config, database });
  try {
    const world = await setUpBenchWorld(database.db);
    await loadDossiers(database, world, config, DOSSIERS, [FILED_PROCEDURE]);
    const body = await multipartBody({ file: { content: SAMPLE_PDF, fileName: 'to-khai.pdf', type: 'application/pdf' } });
    const upload = await app.inject({ method: 'POST', url: '/api/files', payload: body.payload, headers: { ...body.headers, authorization: `Bearer ${world.citizen.token}` } });
    const filing = { procedureCode: FILED_PROCEDURE, channel: 'online', form: { hoTen: world.citizen.fullName, ngaySinh: '1990-04-12' }, attachments: [{ requirement: 'to_khai', fileId: upload.json().id }] };
    const started = performance.now();
    for (let i = 0; i < REQUESTS; i++) {
      const response = await app.inject({ method: 'POST', url: '/api/dossiers', headers: { authorization: `Bearer ${world.citizen.token}` }, payload: filing });
      if (response.statusCode !== 201) throw new Error(`filing: ${response.statusCode} ${response.body}`);
    }
    console.log(`${REQUESTS} filings in process: ${((performance.now() - started) / REQUESTS).toFixed(3)} ms each`);
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
