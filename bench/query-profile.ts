/**
 * Where a request's time goes: every query's duration from Kysely's log hook, grouped by statement and table,
 * then by phase of the filing (authentication, procedure, attachments, code counter, inserts, audit, detail…).
 * The rest of a request's wall time is JavaScript: routing, schema validation, form validation, serialisation.
 */
import type { LogEvent } from 'kysely';

export class QueryProfile {
  enabled = false;
  readonly byStatement = new Map<string, { count: number; ms: number }>();

  readonly log = (event: LogEvent): void => {
    if (!this.enabled || event.level !== 'query') return;
    const key = statementOf(event.query.sql);
    const entry = this.byStatement.get(key) ?? { count: 0, ms: 0 };
    entry.count += 1;
    entry.ms += event.queryDurationMillis;
    this.byStatement.set(key, entry);
  };

  reset(): void {
    this.byStatement.clear();
  }
}

/** "insert dossiers", "select sessions", "commit": the verb and the first table the statement names. */
export function statementOf(sql: string): string {
  const text = sql.replace(/\s+/g, ' ').trim();
  const verb = text.split(' ')[0].toLowerCase();
  const table = /\b(?:from|into|update)\s+"?([\w]+)"?/i.exec(text)?.[1];
  return table ? `${verb} ${table}` : verb;
}

const PHASES: [RegExp, string][] = [
  [/^(begin|commit|rollback|savepoint|release)/, 'transaction begin/commit (SQLite: fsync at commit)'],
  [/ (sessions|role_grants)$/, 'authentication (session, grants)'],
  [/^select users$/, 'applicant profile'],
  [/ (procedures|procedure_versions)$/, 'procedure lookup'],
  [/ (units|calendar_entries|unit_office_hours|settings)$/, 'units and working calendar'],
  [/ idempotency_keys$/, 'idempotency'],
  [/^select (files|applicant_documents)$/, 'attachments check'],
  [/ dossier_code_counters$/, 'code counter'],
  [/^insert (dossiers|dossier_events|dossier_components|applicant_documents)$/, 'dossier inserts'],
  [/^delete dossier_drafts$/, 'dossier inserts'],
  [/ (audit_log|audit_head)$/, 'audit (hash chain)'],
  [/ (notifications|outbox)$/, 'notices'],
  [/^select (dossiers|dossier_events|dossier_components|dossier_ratings)$/, 'detail building'],
];

export function phaseOf(statement: string): string {
  return PHASES.find(([pattern]) => pattern.test(statement))?.[1] ?? `other query (${statement})`;
}

export interface PhaseCost {
  phase: string;
  queriesPerRequest: number;
  msPerRequest: number;
}

/** Per-request cost of each phase over `requests` requests, plus the JavaScript remainder of `wallMsPerRequest`. */
export function phaseCosts(profile: QueryProfile, requests: number, wallMsPerRequest: number): PhaseCost[] {
  const phases = new Map<string, { count: number; ms: number }>();
  for (const [statement, { count, ms }] of profile.byStatement) {
    const phase = phaseOf(statement);
    const entry = phases.get(phase) ?? { count: 0, ms: 0 };
    entry.count += count;
    entry.ms += ms;
    phases.set(phase, entry);
  }
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const rows = [...phases].map(([phase, { count, ms }]) => ({ phase, queriesPerRequest: round(count / requests), msPerRequest: round(ms / requests) }));
  rows.sort((a, b) => b.msPerRequest - a.msPerRequest);
  const inQueries = rows.reduce((sum, r) => sum + r.msPerRequest, 0);
  rows.push({ phase: 'JavaScript outside queries (routing, validation, JSON, hooks)', queriesPerRequest: 0, msPerRequest: round(wallMsPerRequest - inQueries) });
  return rows;
}
