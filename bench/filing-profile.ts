/**
 * Profiles online filing in process: POST /api/dossiers through app.inject (no network), one request after
 * another, with every query timed (QueryProfile). On SQLite the same is repeated with `synchronous = NORMAL`
 * (bench only — the platform keeps FULL) to show what the commit's fsync costs.
 */
import type { App } from '../src/app.js';
import type { Database } from '../src/platform/database/database.js';
import { phaseCosts, type PhaseCost, type QueryProfile } from './query-profile.js';

const REQUESTS = Number(process.env.BENCH_PROFILE_REQUESTS ?? 300);

export interface FilingProfile {
  requests: number;
  wallMsPerRequest: number;
  phases: PhaseCost[];
  statements: { statement: string; perRequest: number; msPerRequest: number }[];
}

async function fileSequentially(app: App, token: string, filing: object, requests: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < requests; i++) {
    const response = await app.inject({ method: 'POST', url: '/api/dossiers', headers: { authorization: `Bearer ${token}` }, payload: filing });
    if (response.statusCode !== 201) throw new Error(`filing: ${response.statusCode} ${response.body}`);
  }
  return (performance.now() - started) / requests;
}

export async function profileFiling(app: App, profile: QueryProfile, token: string, filing: object): Promise<FilingProfile> {
  await fileSequentially(app, token, filing, 30);
  profile.reset();
  profile.enabled = true;
  const wall = await fileSequentially(app, token, filing, REQUESTS);
  profile.enabled = false;
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const statements = [...profile.byStatement]
    .map(([statement, { count, ms }]) => ({ statement, perRequest: round(count / REQUESTS), msPerRequest: round(ms / REQUESTS) }))
    .sort((a, b) => b.msPerRequest - a.msPerRequest);
  return { requests: REQUESTS, wallMsPerRequest: round(wall), phases: phaseCosts(profile, REQUESTS, wall), statements };
}

/** Wall time per sequential filing with the commit not waiting for fsync (SQLite only), then FULL again. */
export async function filingWithoutFsync(app: App, database: Database, token: string, filing: object): Promise<number> {
  database.sqlite!.pragma('synchronous = NORMAL');
  try {
    await fileSequentially(app, token, filing, 30);
    return Math.round((await fileSequentially(app, token, filing, REQUESTS)) * 1000) / 1000;
  } finally {
    database.sqlite!.pragma('synchronous = FULL');
  }
}

export function profileMarkdown(dialect: string, p: FilingProfile, noFsyncMs: number | undefined): string[] {
  return [
    `Online filing in process on ${dialect} (app.inject, ${p.requests} sequential requests): ${p.wallMsPerRequest} ms per request` +
      (noFsyncMs === undefined ? '' : `; with synchronous = NORMAL (no fsync at commit): ${noFsyncMs} ms`),
    '',
    '| phase | queries / request | ms / request |',
    '|---|---:|---:|',
    ...p.phases.map((r) => `| ${r.phase} | ${r.queriesPerRequest} | ${r.msPerRequest} |`),
    '',
    '| statement | per request | ms / request |',
    '|---|---:|---:|',
    ...p.statements.map((r) => `| ${r.statement} | ${r.perRequest} | ${r.msPerRequest} |`),
  ];
}
