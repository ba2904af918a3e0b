import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIETNAM_CALENDAR_ENTRIES_BY_YEAR } from '../../platform/calendar/holidays-vn.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, insertProvinceTree, insertUnit, insertUser, tokenFor } from '../../../test/support/fixtures.js';

describe.each(DIALECTS)('working calendar as data on %s', (dialect) => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof insertProvinceTree>>;
  let admin: Record<string, string>;
  let official: Record<string, string>;
  let division: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await insertProvinceTree(t.db);
    division = await insertUnit(t.db, { code: '000.05.01.H18', name: 'Phòng Hành chính tư pháp', type: 'division', parentId: tree.justice });
    const adminUser = await insertUser(t.db, { unitId: tree.province, withTotp: true, roles: [{ role: 'admin', unitId: tree.province, includeSubtree: true }] });
    admin = bearer(await tokenFor(t.app, adminUser));
    const officer = await insertUser(t.db, { unitId: tree.justice, roles: [{ role: 'one_stop_officer', unitId: tree.justice }] });
    official = bearer(await tokenFor(t.app, officer));
  });
  afterAll(async () => t?.close());

  const deadline = (query: string, headers = official) => t.app.inject({ method: 'GET', url: `/api/calendar/deadline?${query}`, headers });
  const putYear = (year: number, entries: unknown[], headers = admin) =>
    t.app.inject({ method: 'PUT', url: `/api/calendar/${year}`, headers, payload: { entries } });

  it('ships the holidays of 2025–2027, readable by any official and publicly', async () => {
    for (const year of [2025, 2026, 2027]) {
      const response = await t.app.inject({ method: 'GET', url: `/api/calendar/${year}`, headers: official });
      expect(response.statusCode).toBe(200);
      const expected = VIETNAM_CALENDAR_ENTRIES_BY_YEAR[year].map((e) => ({ date: e.date, kind: e.kind, name: e.name, nameEn: e.nameEn ?? null }));
      expect(response.json()).toEqual({ year, entries: [...expected].sort((a, b) => a.date.localeCompare(b.date)) });
    }
    const publicList = await t.app.inject({ method: 'GET', url: '/api/public/holidays/2026' });
    expect(publicList.statusCode).toBe(200);
    expect(publicList.json().entries).toContainEqual({ date: '2026-02-17', kind: 'holiday', name: 'Tết Nguyên đán', nameEn: 'Lunar New Year (Tết)' });
    const empty = await t.app.inject({ method: 'GET', url: '/api/public/holidays/2030' });
    expect(empty.json()).toEqual({ year: 2030, entries: [] });
  });

  it('computes a deadline across Tết, and counts a swap day added by the administrator', async () => {
    // Friday 13/02/2026 09:00 in Hà Nội; Tết 16–20/02; one working day later is Monday 23/02 09:00.
    const before = await deadline(`unitId=${tree.justice}&from=2026-02-13T02:00:00.000Z&workingDays=1`);
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({
      unitId: tree.justice,
      from: '2026-02-13T02:00:00.000Z',
      countFrom: '2026-02-13T02:00:00.000Z',
      deadline: '2026-02-23T02:00:00.000Z',
      workingDays: 1,
    });

    const year = (await t.app.inject({ method: 'GET', url: '/api/calendar/2026', headers: admin })).json();
    const swap = { date: '2026-02-21', kind: 'working_day', name: 'Làm bù sau Tết', nameEn: 'Working Saturday after Tết' };
    const saved = await putYear(2026, [...year.entries, swap]);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().entries).toContainEqual(swap);
    const row = await t.db.selectFrom('calendar_entries').selectAll().where('date', '=', '2026-02-21').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: 'working_day', name: 'Làm bù sau Tết' });

    // The calendar cached by the first request is replaced at once: Saturday 21/02 now counts.
    const after = await deadline(`unitId=${tree.justice}&from=2026-02-13T02:00:00.000Z&workingDays=1`);
    expect(after.json().deadline).toBe('2026-02-21T02:00:00.000Z');

    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'calendar.year.replace').executeTakeFirstOrThrow();
    expect(audit.entity_id).toBe('2026');
    expect(JSON.parse(audit.summary)).toEqual({
      before: { count: year.entries.length },
      after: { count: year.entries.length + 1 },
      changedDates: ['2026-02-21'],
    });
  });

  it('applies two simultaneous replacements of a year one after the other', async () => {
    const first = [{ date: '2029-01-01', kind: 'holiday', name: 'Tết Dương lịch' }];
    const second = [
      { date: '2029-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
      { date: '2029-01-02', kind: 'day_off', name: 'Nghỉ hoán đổi' },
    ];
    const answers = await Promise.all([putYear(2029, first), putYear(2029, second)]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    const stored = (await t.app.inject({ method: 'GET', url: '/api/calendar/2029', headers: admin })).json().entries;
    expect([1, 2]).toContain(stored.length);
    const audits = await t.db.selectFrom('audit_log').select('summary').where('action', '=', 'calendar.year.replace').where('entity_id', '=', '2029').execute();
    expect(audits).toHaveLength(2);
  });

  it('computes working-hour deadlines from the next opening', async () => {
    // Sunday 01/03/2026 10:00 local → counting starts Monday 07:30; 4 h later is 11:30.
    const response = await deadline(`unitId=${tree.finance}&from=2026-03-01T03:00:00.000Z&workingHours=4`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ countFrom: '2026-03-02T00:30:00.000Z', deadline: '2026-03-02T04:30:00.000Z', workingHours: 4 });
  });

  it('lets a unit inherit its nearest ancestor’s office hours, else the shipped default', async () => {
    const initial = await t.app.inject({ method: 'GET', url: `/api/units/${division}/office-hours`, headers: official });
    expect(initial.json()).toEqual({
      unitId: division,
      officeHours: [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:00' }],
      workingWeekdays: [1, 2, 3, 4, 5],
      source: 'default',
      sourceUnit: null,
    });

    const hours = { officeHours: [{ start: '07:00', end: '11:00' }, { start: '13:00', end: '16:30' }], workingWeekdays: [1, 2, 3, 4, 5, 6] };
    const set = await t.app.inject({ method: 'PUT', url: `/api/units/${tree.justice}/office-hours`, headers: admin, payload: hours });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ ...hours, source: 'own', sourceUnit: { id: tree.justice, name: 'Sở Tư pháp' } });

    const inherited = await t.app.inject({ method: 'GET', url: `/api/units/${division}/office-hours`, headers: official });
    expect(inherited.json()).toEqual({ unitId: division, ...hours, source: 'inherited', sourceUnit: { id: tree.justice, name: 'Sở Tư pháp' } });
    const sibling = await t.app.inject({ method: 'GET', url: `/api/units/${tree.finance}/office-hours`, headers: official });
    expect(sibling.json().source).toBe('default');

    // Saturday 07/03/2026 is a working day for the division only (inherited six-day week).
    const fridayEvening = '2026-03-06T10:00:00.000Z'; // 17:00 local
    expect((await deadline(`unitId=${division}&from=${fridayEvening}&workingDays=1`)).json().deadline).toBe('2026-03-09T00:00:00.000Z');
    expect((await deadline(`unitId=${tree.finance}&from=${fridayEvening}&workingDays=1`)).json().deadline).toBe('2026-03-10T00:30:00.000Z');

    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'calendar.office_hours.set').executeTakeFirstOrThrow();
    expect(audit.entity_id).toBe(String(tree.justice));
    expect(JSON.parse(audit.summary)).toMatchObject({ before: { source: 'default' }, after: { ...hours, source: 'own' } });

    const cleared = await t.app.inject({ method: 'DELETE', url: `/api/units/${tree.justice}/office-hours`, headers: admin });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().source).toBe('default');
    expect(await t.db.selectFrom('unit_office_hours').selectAll().execute()).toEqual([]);
    const clearAudit = await t.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'calendar.office_hours.clear').execute();
    expect(clearAudit).toEqual([{ entity_id: String(tree.justice) }]);
  });

  it('refuses invalid entries with field paths and leaves the year unchanged', async () => {
    const countBefore = (await t.app.inject({ method: 'GET', url: '/api/calendar/2027', headers: admin })).json().entries.length;
    const response = await putYear(2027, [
      { date: '2027-02-30', kind: 'holiday', name: 'Ngày không có thật' },
      { date: '2028-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
      { date: '2027-03-01', kind: 'vacation', name: 'Loại sai' },
      { date: '2027-03-03', kind: 'working_day', name: 'Làm bù thứ Tư' },
      { date: '2027-03-06', kind: 'day_off', name: '  ' },
    ]);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const body = response.json();
    expect(body.code).toBe('CALENDAR_CONFIG_INVALID');
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      ['/entries/0/date', '/entries/1/date', '/entries/2/kind', '/entries/3/date', '/entries/4/name'].sort(),
    );
    expect(body.errors.find((e: { path: string }) => e.path === '/entries/1/date').message).toBe('Ngày phải thuộc năm 2027.');
    const countAfter = (await t.app.inject({ method: 'GET', url: '/api/calendar/2027', headers: admin })).json().entries.length;
    expect(countAfter).toBe(countBefore);

    const shape = await t.app.inject({ method: 'PUT', url: '/api/calendar/2027', headers: admin, payload: { entries: [{ date: '2027-01-01', kind: 'holiday' }], extra: 1 } });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().code).toBe('VALIDATION_FAILED');
    expect(shape.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['/entries/0/name']));

    const badYear = await t.app.inject({ method: 'GET', url: '/api/calendar/1999', headers: admin });
    expect(badYear.statusCode).toBe(400);
    expect(badYear.json().errors[0].path).toBe('/params/year');
  });

  it('refuses overlapping or malformed office hours with field paths', async () => {
    const response = await t.app.inject({
      method: 'PUT',
      url: `/api/units/${tree.finance}/office-hours`,
      headers: { ...admin, 'accept-language': 'en' },
      payload: { officeHours: [{ start: '07:30', end: '11:30' }, { start: '11:00', end: '17:00' }, { start: '18:00', end: '25:00' }], workingWeekdays: [1, 1, 7] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe('CALENDAR_CONFIG_INVALID');
    expect(response.json().errors).toEqual(
      expect.arrayContaining([
        { path: '/officeHours/1/start', message: 'Office-hours intervals must be in order and must not overlap.' },
        { path: '/officeHours/2/end', message: 'Time must be HH:mm (00:00–24:00).' },
        { path: '/workingWeekdays/1', message: expect.any(String) },
        { path: '/workingWeekdays/2', message: expect.any(String) },
      ]),
    );
    expect(await t.db.selectFrom('unit_office_hours').selectAll().where('unit_id', '=', tree.finance).execute()).toEqual([]);
    const missing = await t.app.inject({ method: 'PUT', url: '/api/units/999999/office-hours', headers: admin, payload: { officeHours: [{ start: '07:30', end: '11:30' }], workingWeekdays: [1] } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('NOT_FOUND');
  });

  it('refuses a deadline query without exactly one amount, with a bad instant or an unknown unit', async () => {
    const both = await deadline(`unitId=${tree.justice}&from=2026-03-02T02:00:00Z&workingDays=1&workingHours=2`);
    expect(both.statusCode).toBe(400);
    expect(both.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/query/workingHours' }] });
    const neither = await deadline(`unitId=${tree.justice}&from=2026-03-02T02:00:00Z`);
    expect(neither.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/query/workingDays' }] });
    const badFrom = await deadline(`unitId=${tree.justice}&from=yesterday&workingDays=1`);
    expect(badFrom.statusCode).toBe(400);
    expect(badFrom.json().errors.map((e: { path: string }) => e.path)).toContain('/query/from');
    const unknownUnit = await deadline('unitId=999999&from=2026-03-02T02:00:00Z&workingDays=1');
    expect(unknownUnit.statusCode).toBe(404);
    const unconfigured = await deadline(`unitId=${tree.justice}&from=2031-03-03T02:00:00Z&workingDays=1`);
    expect(unconfigured.statusCode).toBe(409);
    expect(unconfigured.json().code).toBe('CALENDAR_YEAR_NOT_CONFIGURED');
  });
});
