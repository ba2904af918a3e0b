/**
 * Profiles online filing in process: POST /api/dossiers through app.inject (no network), one request after
 * another, with every query timed (QueryProfile) and the process's CPU time counted.
 */
import type { App } from '../src/app.js';
import { phaseCosts, type PhaseCost, type QueryProfile } from './query-profile.js';

const REQUESTS = Number(process.env.BENCH_PROFILE_REQUESTS ?? 300);

export interface FilingProfile {
  requests: number;
  wallMsPerRequest: number;
  /** CPU time of this process (user + system) per request: the part a busier machine does not inflate much. */
  cpuMsPerRequest: number;
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
  const cpuBefore = process.cpuUsage();
  const wall = await fileSequentially(app, token, filing, REQUESTS);
  const cpu = process.cpuUsage(cpuBefore);
  profile.enabled = false;
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const statements = [...profile.byStatement]
    .map(([statement, { count, ms }]) => ({ statement, perRequest: round(count / REQUESTS), msPerRequest: round(ms / REQUESTS) }))
    .sort((a, b) => b.msPerRequest - a.msPerRequest);
  const cpuMsPerRequest = round((cpu.user + cpu.system) / 1000 / REQUESTS);
  return { requests: REQUESTS, wallMsPerRequest: round(wall), cpuMsPerRequest, phases: phaseCosts(profile, REQUESTS, wall), statements };
}

export function profileMarkdown(title: string, p: FilingProfile): string[] {
  return [
    `${title} (app.inject, ${p.requests} sequential requests): ${p.wallMsPerRequest} ms wall, ${p.cpuMsPerRequest} ms CPU of this process per request`,
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
