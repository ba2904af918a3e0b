import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { bearer } from '../../../test/support/fixtures.js';
import { act, dossierAt, expectProblem, fileOnline, oneStopProcedure, setUpOneStop, submittedDossier, type OneStopWorld, type Person } from '../../../test/support/one-stop.js';

const FINANCE_PROCEDURE = '1.001234';

interface Summary {
  code: string;
  status: string;
  applicantName: string;
  timeliness: string | null;
  unit: { code: string };
}

describe.each(DIALECTS)('dossier worklists on %s', (dialect) => {
  let t: TestApp;
  let w: OneStopWorld;
  /** The citizen's dossiers, one per place in the workflow. */
  const d = { submitted: '', received: '', examining: '', approving: '', ready: '', waiting: '' };
  /** The other citizen's: one for the Department of Justice, one for the Department of Finance. */
  const other = { justice: '', finance: '' };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    w = await setUpOneStop(t.db, [
      oneStopProcedure(),
      oneStopProcedure(FINANCE_PROCEDURE, { name: 'Thẩm định giá tài sản', field: 'Tài chính', competentUnitCodes: ['000.00.07.H18'] }),
    ]);
    d.submitted = await submittedDossier(t.app, w.citizen);
    d.received = await dossierAt(t.app, w, 'received');
    d.examining = await dossierAt(t.app, w, 'tham_dinh');
    d.approving = await dossierAt(t.app, w, 'phe_duyet');
    d.ready = await dossierAt(t.app, w, 'result_ready');
    d.waiting = await dossierAt(t.app, w, 'tham_dinh');
    expect((await act(t.app, w.specialist, d.waiting, { action: 'request_supplement', items: ['Tờ khai'] })).statusCode).toBe(200);
    other.justice = await submittedDossier(t.app, w.otherCitizen);
    const finance = await fileOnline(t.app, w.otherCitizen, { procedureCode: FINANCE_PROCEDURE, form: { hoTen: 'Đỗ Văn Đức', ngaySinh: '1990-01-09' } });
    expect(finance.statusCode, finance.body).toBe(201);
    other.finance = finance.json().code;
  });
  afterAll(async () => t?.close());

  const list = async (person: Person, query = '') => {
    const response = await t.app.inject({ method: 'GET', url: `/api/dossiers${query ? `?${query}` : ''}`, headers: bearer(person.token) });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: Summary[]; total: number };
  };
  const codes = async (person: Person, query = '') => (await list(person, query)).items.map((i) => i.code).sort();
  const sorted = (...values: string[]) => [...values].sort();
  const citizenCodes = () => sorted(...Object.values(d));

  it('audits an official reading a worklist with names, and counts without names (pageSize=0) unaudited', async () => {
    const listReads = () => t.db.selectFrom('audit_log').select('summary').where('action', '=', 'dossier.list').where('actor_id', '=', w.officer.id).execute();
    const before = (await listReads()).length;
    const counted = await list(w.officer, 'status=submitted&pageSize=0');
    expect(counted.items).toEqual([]);
    expect(counted.total).toBeGreaterThan(0);
    expect((await listReads()).length).toBe(before);
    const read = await list(w.officer, 'status=submitted');
    const reads = await listReads();
    expect(reads.length).toBe(before + 1);
    expect(JSON.parse(reads.at(-1)!.summary).codes).toEqual(read.items.map((i) => i.code));
  });

  it("gives a citizen their own dossiers only ('Hồ sơ của tôi')", async () => {
    const mine = await list(w.citizen);
    expect(mine.items.map((i) => i.code).sort()).toEqual(citizenCodes());
    expect(mine.total).toBe(6);
    expect(mine.items.every((i) => i.applicantName === 'Lò Thị Thanh')).toBe(true);
    expect(await codes(w.otherCitizen)).toEqual(sorted(other.justice, other.finance));
  });

  it('gives officials the dossiers of their units only', async () => {
    expect(await codes(w.officer)).toEqual(sorted(...citizenCodes(), other.justice, other.finance));
    expect(await codes(w.specialist)).toEqual(sorted(...citizenCodes(), other.justice));
    expect(await codes(w.outsider)).toEqual([other.finance]);
  });

  it("filters by status: 'Chờ tiếp nhận' and 'Đang xử lý'", async () => {
    const waiting = await list(w.officer, 'status=submitted');
    expect(waiting.items.map((i) => i.code).sort()).toEqual(sorted(d.submitted, other.justice, other.finance));
    expect(waiting.items.every((i) => i.status === 'submitted')).toBe(true);
    expect(await codes(w.officer, 'status=received,processing')).toEqual(sorted(d.received, d.examining, d.approving));
    expect(await codes(w.officer, 'status=supplement_requested')).toEqual([d.waiting]);
    expect(await codes(w.officer, 'status=result_ready')).toEqual([d.ready]);
  });

  it('shows each role the dossiers it can act on now (view=actionable)', async () => {
    expect(await codes(w.officer, 'view=actionable')).toEqual(sorted(d.submitted, d.received, d.ready, other.justice, other.finance));
    expect(await codes(w.specialist, 'view=actionable')).toEqual([d.examining]);
    expect(await codes(w.leader, 'view=actionable')).toEqual([d.approving]);
    expect(await codes(w.outsider, 'view=actionable')).toEqual([]);
    // Combined with a status filter, as the office's tabs do.
    expect(await codes(w.officer, 'view=actionable&status=submitted')).toEqual(sorted(d.submitted, other.justice, other.finance));
  });

  it("lists overdue and due-soon dossiers (deadlines moved in the database: nobody waits ten working days)", async () => {
    const overdue = new Date(Date.now() - 3_600_000).toISOString();
    const soon = new Date(Date.now() + 3_600_000).toISOString();
    await t.db.updateTable('dossiers').set({ due_at: overdue }).where('code', '=', d.examining).execute();
    await t.db.updateTable('dossiers').set({ due_at: soon }).where('code', '=', d.approving).execute();
    try {
      const late = await list(w.officer, 'due=overdue');
      expect(late.items.map((i) => i.code)).toEqual([d.examining]);
      expect(late.items[0].timeliness).toBe('overdue');
      const dueSoon = await list(w.officer, 'due=soon');
      expect(dueSoon.items.map((i) => i.code)).toEqual([d.approving]);
      expect(dueSoon.items[0].timeliness).toBe('dueSoon');
      // Only where the clock runs: the dossier waiting for a supplement is neither, whatever its deadline.
      await t.db.updateTable('dossiers').set({ due_at: overdue }).where('code', '=', d.waiting).execute();
      expect(await codes(w.officer, 'due=overdue')).toEqual([d.examining]);
      expect(await codes(w.specialist, 'view=actionable&due=overdue')).toEqual([d.examining]);
      expect(await codes(w.leader, 'view=actionable&due=overdue')).toEqual([]);
    } finally {
      const restored = new Date(Date.now() + 30 * 24 * 3_600_000).toISOString();
      await t.db.updateTable('dossiers').set({ due_at: restored }).where('code', 'in', [d.examining, d.approving, d.waiting]).execute();
    }
  });

  it('searches by applicant name without diacritics and by code', async () => {
    expect(await codes(w.officer, `q=${encodeURIComponent('lo thi thanh')}`)).toEqual(citizenCodes());
    expect(await codes(w.officer, `q=${encodeURIComponent('LÒ THỊ  Thanh')}`)).toEqual(citizenCodes());
    expect(await codes(w.officer, `q=${encodeURIComponent('do van duc')}`)).toEqual(sorted(other.justice, other.finance));
    expect(await codes(w.officer, `q=${encodeURIComponent(d.approving)}`)).toEqual([d.approving]);
    expect(await codes(w.officer, `q=${encodeURIComponent(d.approving.slice(-4))}`)).toContain(d.approving);
    // LIKE wildcards are taken literally.
    expect(await codes(w.officer, `q=${encodeURIComponent('%')}`)).toEqual([]);
    // A citizen's search stays within their own dossiers.
    expect(await codes(w.citizen, `q=${encodeURIComponent('do van duc')}`)).toEqual([]);
  });

  it('filters by unit (its subtree, handling or receiving)', async () => {
    expect(await codes(w.officer, 'unit=000.00.07.H18')).toEqual([other.finance]);
    expect(await codes(w.officer, 'unit=000.00.05.H18')).toEqual(sorted(...citizenCodes(), other.justice));
    expect(await codes(w.officer, 'unit=000.00.00.H18')).toHaveLength(8);
    expect(await codes(w.officer, 'unit=999.99.99.H99')).toEqual([]);
  });

  it('pages with the total of all matches', async () => {
    const first = await list(w.officer, 'pageSize=3&page=1');
    const second = await list(w.officer, 'pageSize=3&page=2');
    const third = await list(w.officer, 'pageSize=3&page=3');
    expect([first.total, second.total, third.total]).toEqual([8, 8, 8]);
    expect([first.items.length, second.items.length, third.items.length]).toEqual([3, 3, 2]);
    const all = [...first.items, ...second.items, ...third.items].map((i) => i.code);
    expect(new Set(all).size).toBe(8);
    const beyond = await list(w.officer, 'pageSize=3&page=4');
    expect(beyond).toEqual({ items: [], total: 8 });
    expect((await list(w.officer, 'status=submitted&pageSize=1')).total).toBe(3);
  });

  it('refuses bad filters with 400 naming the parameter', async () => {
    const get = (query: string) => t.app.inject({ method: 'GET', url: `/api/dossiers?${query}`, headers: bearer(w.officer.token) });
    const unknownStatus = expectProblem(await get('status=submitted,lost'), 400, 'VALIDATION_FAILED');
    // Query errors are named like the framework names them (error-handler.ts: `/query/<name>`).
    expect(unknownStatus.errors[0].path).toBe('/query/status');
    expect(unknownStatus.errors[0].message).toContain('lost');
    for (const [query, path] of [
      ['due=late', '/query/due'],
      ['pageSize=500', '/query/pageSize'],
      ['page=0', '/query/page'],
      ['view=all', '/query/view'],
      ['sort=code', '/query/sort'],
    ]) {
      const problem = expectProblem(await get(query), 400, 'VALIDATION_FAILED');
      expect(problem.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/dossiers' }), 401, 'UNAUTHENTICATED');
  });
});
