import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { bearer } from '../../../test/support/fixtures.js';
import {
  act,
  expectProblem,
  ONE_STOP_PROCEDURE,
  setUpOneStop,
  submittedDossier,
  uploadFile,
  VALID_FORM,
  type OneStopWorld,
  type Person,
} from '../../../test/support/one-stop.js';
import { getWorkingCalendar } from '../calendar/unit-calendar.js';
import { formatDossierCode, nextDossierSequence } from './dossier-code.js';

const SUBMISSIONS = 200;
const seqOf = (code: string) => Number(code.slice(code.lastIndexOf('-') + 1));

describe.each(DIALECTS)('dossier codes and idempotent requests under concurrency on %s', (dialect) => {
  let t: TestApp;
  let w: OneStopWorld;
  let fileId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    w = await setUpOneStop(t.db);
    // One upload serves every filing below: a citizen may attach their own file to several dossiers.
    fileId = await uploadFile(t.app, w.citizen.token);
  });
  afterAll(async () => t?.close());

  const filingBody = (form: Record<string, unknown> = VALID_FORM) => ({
    procedureCode: ONE_STOP_PROCEDURE,
    channel: 'online',
    form,
    attachments: [{ requirement: 'to_khai', fileId }],
  });
  const fileWith = (person: Person, body: Record<string, unknown>, key?: string) =>
    t.app.inject({ method: 'POST', url: '/api/dossiers', headers: { ...bearer(person.token), ...(key ? { 'idempotency-key': key } : {}) }, payload: body });
  const countDossiers = async () => (await t.db.selectFrom('dossiers').select('id').execute()).length;
  const countersOfCentre = async () =>
    new Map(
      (await t.db.selectFrom('dossier_code_counters').select(['day', 'last_seq']).where('unit_id', '=', w.units.centre).execute()).map((r) => [r.day, Number(r.last_seq)]),
    );
  const counterOf = async (day: string) =>
    (await t.db.selectFrom('dossier_code_counters').select('last_seq').where('unit_id', '=', w.units.centre).where('day', '=', day).executeTakeFirst())?.last_seq;

  describe('dossier codes', () => {
    it(`gives ${SUBMISSIONS} concurrent online filings to one unit on one day distinct, gap-free sequences`, async () => {
      const countersBefore = await countersOfCentre();
      const responses = await Promise.all(Array.from({ length: SUBMISSIONS }, () => fileWith(w.citizen, filingBody())));
      const failed = responses.filter((r) => r.statusCode !== 201).map((r) => `${r.statusCode} ${r.body}`);
      expect(failed).toEqual([]);
      const codes = responses.map((r) => r.json().code as string);
      expect(new Set(codes).size).toBe(SUBMISSIONS);
      const today = (await getWorkingCalendar(t.db, w.units.justice)).localDateOf(new Date());
      expect(codes.some((c) => c.startsWith(`000.00.30.H18-${today.slice(2).replace(/-/g, '')}-`))).toBe(true);
      // Grouped by the day in the code: a run that crosses local midnight (17:00 UTC) starts a new day at 1.
      const byDay = new Map<string, number[]>();
      for (const code of codes) {
        const yymmdd = code.split('-').at(-2)!;
        const day = `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
        byDay.set(day, [...(byDay.get(day) ?? []), seqOf(code)]);
      }
      const countersAfter = await countersOfCentre();
      for (const [day, seqs] of byDay) {
        const start = countersBefore.get(day) ?? 0;
        expect(seqs.sort((a, b) => a - b)).toEqual(Array.from({ length: seqs.length }, (_, i) => start + i + 1));
        expect(countersAfter.get(day)).toBe(start + seqs.length);
      }
    }, 60_000);

    it('prints the sequence at its width, and in full past it', () => {
      const parts = { unitCode: '000.00.30.H18', localDate: '2026-11-27' };
      expect(formatDossierCode('{unitCode}-{yymmdd}-{seq4}', { ...parts, seq: 7 })).toBe('000.00.30.H18-261127-0007');
      expect(formatDossierCode('{unitCode}-{yymmdd}-{seq4}', { ...parts, seq: 12_345 })).toBe('000.00.30.H18-261127-12345');
      expect(formatDossierCode('{yyyy}/{mm}/{dd}/{seq2}', { ...parts, seq: 3 })).toBe('2026/11/27/03');
    });

    it('gives back the number of a transaction that rolls back after taking it', async () => {
      const day = '2031-01-02';
      const first = await t.db.transaction().execute((tx) => nextDossierSequence(tx, w.units.centre, day));
      expect(first).toBe(1);
      let taken = 0;
      await expect(
        t.db.transaction().execute(async (tx) => {
          taken = await nextDossierSequence(tx, w.units.centre, day);
          throw new Error('the filing failed after taking its number');
        }),
      ).rejects.toThrow('the filing failed');
      expect(taken).toBe(2);
      expect(await t.db.transaction().execute((tx) => nextDossierSequence(tx, w.units.centre, day))).toBe(2);
    });

    it('stays gap-free when concurrent transactions roll back after taking their numbers', async () => {
      const day = '2031-01-03';
      const attempts = 30;
      const outcomes = await Promise.allSettled(
        Array.from({ length: attempts }, (_, i) =>
          t.db.transaction().execute(async (tx) => {
            const seq = await nextDossierSequence(tx, w.units.centre, day);
            // Hold the number a moment so that the others queue behind this transaction.
            await sleep(2);
            if (i % 3 === 0) throw new Error('rolled back');
            return seq;
          }),
        ),
      );
      const committed = outcomes.filter((o): o is PromiseFulfilledResult<number> => o.status === 'fulfilled').map((o) => o.value);
      const kept = attempts - Math.ceil(attempts / 3);
      expect(committed.sort((a, b) => a - b)).toEqual(Array.from({ length: kept }, (_, i) => i + 1));
      expect(Number(await counterOf(day))).toBe(kept);
    });
  });

  describe('concurrent actions', () => {
    it('lets exactly one of ten simultaneous receptions through; the others get 409 and nothing is recorded twice', async () => {
      const code = await submittedDossier(t.app, w.citizen);
      const responses = await Promise.all(Array.from({ length: 10 }, () => act(t.app, w.officer, code, { action: 'receive' })));
      const statuses = responses.map((r) => r.statusCode).sort();
      expect(statuses).toEqual([200, ...Array(9).fill(409)]);
      for (const refused of responses.filter((r) => r.statusCode === 409)) {
        expect(['ACTION_NOT_ALLOWED', 'DOSSIER_CHANGED']).toContain(refused.json().code);
      }
      const dossier = await t.db.selectFrom('dossiers').select(['id', 'last_seq']).where('code', '=', code).executeTakeFirstOrThrow();
      const events = await t.db.selectFrom('dossier_events').select('action').where('dossier_id', '=', dossier.id).orderBy('seq').execute();
      expect(events.map((e) => e.action)).toEqual(['submit', 'receive']);
      expect(Number(dossier.last_seq)).toBe(2);
      const audits = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', code).where('action', '=', 'dossier.receive').execute();
      expect(audits).toHaveLength(1);
    });
  });

  describe('Idempotency-Key', () => {
    it('files once for the same key twice: same code, the second answer marked as replayed', async () => {
      const before = await countDossiers();
      const key = randomUUID();
      const first = await fileWith(w.citizen, filingBody(), key);
      expect(first.statusCode, first.body).toBe(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      const second = await fileWith(w.citizen, filingBody(), key);
      expect(second.statusCode, second.body).toBe(201);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.json().code).toBe(first.json().code);
      expect(await countDossiers()).toBe(before + 1);
    });

    it('refuses the same key with a different body (422) and keys of the wrong shape (400)', async () => {
      const key = randomUUID();
      expect((await fileWith(w.citizen, filingBody(), key)).statusCode).toBe(201);
      const before = await countDossiers();
      expectProblem(await fileWith(w.citizen, filingBody({ ...VALID_FORM, hoTen: 'Lò Văn Pâng' }), key), 422, 'IDEMPOTENCY_KEY_REUSED');
      expectProblem(await fileWith(w.citizen, filingBody(), 'khóa có dấu cách'), 400, 'IDEMPOTENCY_KEY_INVALID');
      expect(await countDossiers()).toBe(before);
    });

    it('keeps keys per user, and lets a corrected retry act after a refused attempt with the same key', async () => {
      const key = randomUUID();
      expect((await fileWith(w.citizen, filingBody(), key)).statusCode).toBe(201);
      const otherFile = await uploadFile(t.app, w.otherCitizen.token);
      const other = await fileWith(w.otherCitizen, { ...filingBody(), attachments: [{ requirement: 'to_khai', fileId: otherFile }] }, key);
      expect(other.statusCode, other.body).toBe(201);
      expect(other.headers['idempotent-replayed']).toBeUndefined();

      const retryKey = randomUUID();
      expectProblem(await fileWith(w.citizen, filingBody({ hoTen: 'L' }), retryKey), 400, 'VALIDATION_FAILED');
      const corrected = await fileWith(w.citizen, filingBody(), retryKey);
      expect(corrected.statusCode, corrected.body).toBe(201);
      expect(corrected.headers['idempotent-replayed']).toBeUndefined();
    });

    it('acts once for the same key on an action', async () => {
      const code = await submittedDossier(t.app, w.citizen);
      const key = randomUUID();
      const first = await act(t.app, w.officer, code, { action: 'receive' }, { 'idempotency-key': key });
      expect(first.statusCode, first.body).toBe(200);
      const second = await act(t.app, w.officer, code, { action: 'receive' }, { 'idempotency-key': key });
      expect(second.statusCode, second.body).toBe(200);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.json()).toEqual(first.json());
      const dossier = await t.db.selectFrom('dossiers').select('id').where('code', '=', code).executeTakeFirstOrThrow();
      const events = await t.db.selectFrom('dossier_events').select('action').where('dossier_id', '=', dossier.id).orderBy('seq').execute();
      expect(events.map((e) => e.action)).toEqual(['submit', 'receive']);
      // Without the key the repeated click is a new request, refused by the state machine.
      expectProblem(await act(t.app, w.officer, code, { action: 'receive' }), 409, 'ACTION_NOT_ALLOWED');
    });

    it('refuses a key already used on another dossier (the scope names the dossier)', async () => {
      const first = await submittedDossier(t.app, w.citizen);
      const second = await submittedDossier(t.app, w.citizen);
      const key = randomUUID();
      expect((await act(t.app, w.officer, first, { action: 'receive' }, { 'idempotency-key': key })).statusCode).toBe(200);
      expectProblem(await act(t.app, w.officer, second, { action: 'receive' }, { 'idempotency-key': key }), 422, 'IDEMPOTENCY_KEY_REUSED');
      const row = await t.db.selectFrom('dossiers').select('status').where('code', '=', second).executeTakeFirstOrThrow();
      expect(row.status).toBe('submitted');
    });

    it('files exactly one dossier for 20 concurrent requests with one key', async () => {
      const before = await countDossiers();
      const key = randomUUID();
      const responses = await Promise.all(Array.from({ length: 20 }, () => fileWith(w.citizen, filingBody(), key)));
      expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
      expect(new Set(responses.map((r) => r.json().code)).size).toBe(1);
      expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(19);
      expect(await countDossiers()).toBe(before + 1);
    });
  });
});
