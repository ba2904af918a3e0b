import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import type { Db } from '../../src/platform/database/database.js';
import { MAIL_TOPIC, outboxMessageId } from '../../src/platform/mail/mail.js';
import type { Acknowledgement } from './submission-load.js';
import type { TestSmtpServer } from './smtp-server.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHUNK = 500;

export interface DurabilityOptions {
  /** The load's key prefix: every stored key of it must be one dossier, acknowledged or not. */
  keyPrefix?: string;
  /**
   * The SMTP server the nodes' mail handler delivers to (SMTP_URL): every filing's notice e-mail must arrive, under
   * its job's Message-ID. Without it only the outbox rows are checked.
   */
  smtp?: TestSmtpServer;
  /** The sender the nodes use (MAIL_FROM), for the Message-ID; the default MAIL_FROM when absent. */
  mailFrom?: string;
  /** How long the outbox may go without finishing one more of the filings' jobs before the check gives up. Default 30 s. */
  outboxTimeoutMs?: number;
  /**
   * False for a database no worker runs on (a restored backup): each filing must still have its one e-mail job,
   * in whatever state the backup caught it. Default true.
   */
  expectOutboxDone?: boolean;
}

export interface DurabilityFigures {
  dossiers: number;
  mailJobs: number;
  /** E-mails that arrived more than once (same Message-ID): only ever after their worker died mid-job. */
  redeliveredMails: number;
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const DEFAULT_FROM = '"Chính quyền số" <no-reply@localhost>';

/**
 * What "never lose an acknowledged dossier" means (issue 7), asserted on the database after a crash or a restore:
 * - every acknowledged key maps to exactly one dossier with the acknowledged code, and every stored key of the load
 *   (acknowledged or not) to one dossier of its own — a retry never filed twice;
 * - every such dossier has its submit event and exactly one `dossier.submit` audit entry (nothing half-written), and
 *   no dossier at all is without events;
 * - the codes of each unit and day are gap-free: sequences 1…n with n the counter's value;
 * - each filing's notice e-mail job is done, once; with `smtp`, its message arrived under the job's Message-ID, and a
 *   message arrived twice only when its job was claimed more than once (its worker was killed mid-job).
 */
export async function checkDurability(db: Db, acks: readonly Acknowledgement[], options: DurabilityOptions = {}): Promise<DurabilityFigures> {
  expect(new Set(acks.map((a) => a.key)).size, 'acknowledged keys are distinct').toBe(acks.length);
  expect(new Set(acks.map((a) => a.code)).size, 'acknowledged codes are distinct').toBe(acks.length);

  const keyRows = options.keyPrefix
    ? await db.selectFrom('idempotency_keys').select(['key', 'status_code', 'response']).where('key', 'like', `${options.keyPrefix}%`).execute()
    : [];
  const keyCodes = new Map(keyRows.filter((r) => r.status_code === 201).map((r) => [r.key, (JSON.parse(r.response) as { code: string }).code]));
  for (const ack of acks) {
    if (options.keyPrefix) expect(keyCodes.get(ack.key), `stored response of key ${ack.key}`).toBe(ack.code);
  }
  expect(keyRows.filter((r) => r.status_code !== 201), 'no key left claimed without a committed response').toEqual([]);
  const codes = [...new Set([...acks.map((a) => a.code), ...keyCodes.values()])];
  expect(new Set(keyCodes.values()).size, 'each stored key has its own dossier').toBe(keyCodes.size);

  const dossiers: { id: number; code: string; receiving_unit_id: number }[] = [];
  for (const part of chunks(codes)) {
    dossiers.push(...(await db.selectFrom('dossiers').select(['id', 'code', 'receiving_unit_id']).where('code', 'in', part).execute()));
  }
  const perCode = new Map<string, number>();
  for (const d of dossiers) perCode.set(d.code, (perCode.get(d.code) ?? 0) + 1);
  expect(codes.filter((c) => perCode.get(c) !== 1), 'codes without exactly one dossier').toEqual([]);

  await expectEventsAndAudit(db, dossiers);
  await expectGapFreeCodes(db, dossiers);
  const mail = await expectMailsDoneOnce(db, codes, options);
  return { dossiers: dossiers.length, mailJobs: mail.jobs, redeliveredMails: mail.redelivered };
}

async function expectEventsAndAudit(db: Db, dossiers: { id: number; code: string }[]): Promise<void> {
  const submitEvents = new Map<number, number>();
  const audits = new Map<string, number>();
  for (const part of chunks(dossiers)) {
    const events = await db
      .selectFrom('dossier_events')
      .select('dossier_id')
      .where('dossier_id', 'in', part.map((d) => d.id))
      .where('seq', '=', 1)
      .where('action', '=', 'submit')
      .execute();
    for (const e of events) submitEvents.set(Number(e.dossier_id), (submitEvents.get(Number(e.dossier_id)) ?? 0) + 1);
    const entries = await db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'dossier.submit')
      .where('entity_type', '=', 'dossier')
      .where('entity_id', 'in', part.map((d) => d.code))
      .execute();
    for (const a of entries) audits.set(a.entity_id!, (audits.get(a.entity_id!) ?? 0) + 1);
  }
  expect(dossiers.filter((d) => submitEvents.get(Number(d.id)) !== 1).map((d) => d.code), 'dossiers without exactly one submit event').toEqual([]);
  expect(dossiers.filter((d) => audits.get(d.code) !== 1).map((d) => d.code), 'dossiers without exactly one dossier.submit audit entry').toEqual([]);
  const orphans = await db
    .selectFrom('dossiers')
    .leftJoin('dossier_events', 'dossier_events.dossier_id', 'dossiers.id')
    .select('dossiers.code')
    .where('dossier_events.id', 'is', null)
    .execute();
  expect(orphans.map((o) => o.code), 'dossiers without any event').toEqual([]);
}

/** Default DOSSIER_CODE_PATTERN `{unitCode}-{yymmdd}-{seq4}`: everything before the last dash names the unit and day. */
async function expectGapFreeCodes(db: Db, dossiers: { code: string; receiving_unit_id: number }[]): Promise<void> {
  const groups = new Map<string, number>();
  for (const d of dossiers) groups.set(d.code.slice(0, d.code.lastIndexOf('-')), Number(d.receiving_unit_id));
  for (const [prefix, unitId] of groups) {
    const all = await db.selectFrom('dossiers').select('code').where('code', 'like', `${prefix}-%`).where('receiving_unit_id', '=', unitId).execute();
    const seqs = all.map((r) => Number(r.code.slice(prefix.length + 1))).sort((a, b) => a - b);
    const yymmdd = prefix.slice(prefix.lastIndexOf('-') + 1);
    const day = `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
    const counter = await db.selectFrom('dossier_code_counters').select('last_seq').where('unit_id', '=', unitId).where('day', '=', day).executeTakeFirst();
    expect(counter, `counter of ${prefix}`).toBeDefined();
    expect(seqs, `sequences of ${prefix} are 1…${counter!.last_seq} without gaps or repeats`).toEqual(Array.from({ length: Number(counter!.last_seq) }, (_, i) => i + 1));
  }
}

async function expectMailsDoneOnce(db: Db, codes: string[], options: DurabilityOptions): Promise<{ jobs: number; redelivered: number }> {
  const wanted = new Set(codes);
  const patience = options.outboxTimeoutMs ?? 30_000;
  let deadline = Date.now() + patience;
  let settledBefore = -1;
  type Job = { id: number; status: string; attempts: number; code: string };
  let jobs: Job[] = [];
  for (;;) {
    const rows = await db.selectFrom('outbox').select(['id', 'status', 'attempts', 'payload']).where('topic', '=', MAIL_TOPIC).execute();
    jobs = rows
      .map((r) => ({ id: Number(r.id), status: r.status, attempts: Number(r.attempts), code: codeInSubject((JSON.parse(r.payload) as { subject: string }).subject, wanted) }))
      .filter((j): j is Job => j.code !== undefined);
    const settledJobs = jobs.filter((j) => j.status === 'done' || j.status === 'failed').length;
    if (options.expectOutboxDone === false || settledJobs === jobs.length) break;
    // The worker sends one e-mail after another: wait as long as it makes progress.
    if (settledJobs > settledBefore) deadline = Date.now() + patience;
    settledBefore = settledJobs;
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const jobsPerCode = new Map<string, number>();
  for (const j of jobs) jobsPerCode.set(j.code, (jobsPerCode.get(j.code) ?? 0) + 1);
  expect(codes.filter((c) => jobsPerCode.get(c) !== 1), 'filings without exactly one notice e-mail job').toEqual([]);
  if (options.expectOutboxDone === false) return { jobs: jobs.length, redelivered: 0 };
  expect(jobs.filter((j) => j.status !== 'done').map((j) => `${j.id}:${j.status}`), 'notice e-mail jobs not done').toEqual([]);
  if (!options.smtp) return { jobs: jobs.length, redelivered: 0 };

  const from = options.mailFrom ?? DEFAULT_FROM;
  // The last messages may still be on their way between the relay's acceptance and the parser.
  await options.smtp.waitFor(jobs.length, 10_000).catch(() => undefined);
  const received = new Map<string, number>();
  for (const mail of options.smtp.received) {
    const id = mail.parsed.messageId ?? '';
    received.set(id, (received.get(id) ?? 0) + 1);
  }
  const missing = jobs.filter((j) => !received.has(outboxMessageId(j.id, from)));
  expect(missing.map((j) => j.id), 'done e-mail jobs whose message never arrived').toEqual([]);
  const twice = jobs.filter((j) => (received.get(outboxMessageId(j.id, from)) ?? 0) > 1);
  // A second delivery is legitimate only after a worker died between the relay's acceptance and the done mark: the
  // job was then claimed again (attempts > 1). A job claimed once and delivered twice would be a worker bug.
  expect(twice.filter((j) => j.attempts < 2).map((j) => j.id), 'e-mails delivered twice by a single claim').toEqual([]);
  return { jobs: jobs.length, redelivered: twice.length };
}

function codeInSubject(subject: string, codes: Set<string>): string | undefined {
  const match = /Hồ sơ (\S+) /.exec(subject);
  return match && codes.has(match[1]) ? match[1] : undefined;
}

/** Runs the real `cqs audit verify` against the database the env names (DATA_DIR, DATABASE_URL) and expects success. */
export async function runAuditVerify(env: Record<string, string>): Promise<string> {
  const run = promisify(execFile);
  try {
    const { stdout } = await run(process.execPath, [path.join(ROOT, 'bin', 'cqs.js'), 'audit', 'verify'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LOG_LEVEL: 'warn', ...env },
    });
    return stdout;
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    expect.fail(`cqs audit verify exited ${e.code}: ${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}
