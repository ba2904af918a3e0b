import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import { verifyPassword } from '../../platform/auth/password.js';
import { AppError } from '../../platform/errors/app-error.js';
import { DIEN_BIEN, DIEN_BIEN_CODES } from './dien-bien.js';
import { seedProvince } from './seed-province.js';
import type { ProvinceSeed } from './province.schema.js';

const auditContext = { actorId: null, actorUsername: 'system', ip: null, requestId: 'test' };
const CODE = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}$/;

describe.each(DIALECTS)('seeding the Điện Biên demo data on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('loads the province, its centre, departments with divisions, communes and one account per role, all audited', async () => {
    const result = await seedProvince(t.db, DIEN_BIEN, { auditContext });
    expect(result.passwordGenerated).toBe(true);
    expect(result.password.length).toBeGreaterThanOrEqual(16);

    const units = await t.db.selectFrom('units').selectAll().execute();
    expect(units.length).toBe(result.units);
    expect(units.every((u) => u.code.length === 13 && CODE.test(u.code))).toBe(true);
    const byType = (type: string) => units.filter((u) => u.type === type);
    expect(byType('province').map((u) => u.name)).toEqual(['UBND tỉnh Điện Biên']);
    expect(byType('department').length).toBeGreaterThanOrEqual(10);
    expect(byType('commune').length).toBeGreaterThanOrEqual(10);
    expect(byType('division').length).toBeGreaterThanOrEqual(3);
    expect(byType('center').map((u) => u.name)).toEqual(['Trung tâm Phục vụ hành chính công tỉnh Điện Biên']);
    expect(units.map((u) => u.name)).toEqual(expect.arrayContaining(['Sở Nông nghiệp và Môi trường', 'Sở Dân tộc và Tôn giáo', 'UBND phường Mường Thanh', 'UBND xã Nậm Pồ']));

    const users = await t.db
      .selectFrom('users')
      .innerJoin('role_grants', 'role_grants.user_id', 'users.id')
      .select(['users.username', 'users.unit_id', 'users.kind', 'users.identity_number', 'users.password_hash', 'role_grants.role', 'role_grants.include_subtree'])
      .select('role_grants.unit_id as grant_unit_id')
      .execute();
    const roles = Object.fromEntries(users.map((u) => [u.username, u.role]));
    expect(roles).toEqual({
      admin: 'admin',
      motcua: 'one_stop_officer',
      chuyenvien: 'specialist',
      truongphong: 'division_head',
      lanhdao: 'agency_leader',
      vanthu: 'records_clerk',
      'vanthu.vp': 'records_clerk',
      'lanhdao.vp': 'agency_leader',
      ketoan: 'accountant',
      'motcua.dbp': 'one_stop_officer',
      'tuphap.dbp': 'specialist',
      'chutich.dbp': 'agency_leader',
      tonghop: 'reporting_officer',
      'tonghop.dbp': 'reporting_officer',
      'tonghop.mt': 'reporting_officer',
      'lanhdao.tinh': 'agency_leader',
      congdan: 'citizen',
    });
    const admin = users.find((u) => u.username === 'admin')!;
    const province = byType('province')[0];
    expect(admin).toMatchObject({ unit_id: province.id, include_subtree: 1, kind: 'official' });
    const citizen = users.find((u) => u.username === 'congdan')!;
    expect(citizen).toMatchObject({ kind: 'citizen', unit_id: null, identity_number: expect.stringMatching(/^011\d{9}$/) });
    const justice = units.find((u) => u.code === DIEN_BIEN_CODES.justice)!;
    // A specialist sits in a division but handles the whole department's work.
    expect(users.find((u) => u.username === 'chuyenvien')).toMatchObject({
      unit_id: units.find((u) => u.code === DIEN_BIEN_CODES.justiceAdministration)!.id,
      grant_unit_id: justice.id,
      include_subtree: 1,
    });
    expect(await verifyPassword(result.password, admin.password_hash)).toBe(true);

    const audit = await t.db.selectFrom('audit_log').selectAll().execute();
    expect(audit.filter((a) => a.action === 'unit.create').length).toBe(units.length);
    expect(audit.filter((a) => a.action === 'user.create').length).toBe(17);
    expect(audit.every((a) => a.actor_username === 'system' && a.actor_id === null)).toBe(true);
    expect(audit.some((a) => a.summary.includes(result.password) || a.summary.includes('011190004217'))).toBe(false);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('refuses to seed a database that already has units, changing nothing', async () => {
    const before = await t.db.selectFrom('audit_log').select('seq').execute();
    const refused = await seedProvince(t.db, DIEN_BIEN, { auditContext, password: 'Hoa ban nở trắng Mường Thanh' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('SEED_UNITS_EXIST');
    expect((await t.db.selectFrom('audit_log').select('seq').execute()).length).toBe(before.length);
  });
});

describe('province seed validation', () => {
  const valid = (): ProvinceSeed => structuredClone(DIEN_BIEN);
  const pathsOf = async (data: unknown) => {
    const error = await seedProvince(undefined as never, data, { auditContext }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('SEED_FILE_INVALID');
    return (error as AppError).fieldErrors!.map((f) => f.path);
  };

  it('names the fields that break the schema', async () => {
    const data = valid() as any;
    data.province.code = '000.00.H18';
    data.province.children[0].type = 'district';
    data.accounts[0].extra = true;
    delete data.accounts[1].fullName;
    expect(await pathsOf(data)).toEqual(
      expect.arrayContaining(['/province/code', '/province/children/0/type', '/accounts/0/extra', '/accounts/1/fullName']),
    );
  });

  it('names duplicate codes and usernames, and accounts pointing at units not in the file', async () => {
    const data = valid();
    data.province.children![1].code = data.province.children![0].code;
    data.accounts![1].username = 'admin';
    data.accounts![2].unitCode = '999.99.99.H18';
    expect(await pathsOf(data)).toEqual(
      expect.arrayContaining(['/province/children/1/code', '/accounts/1/username', '/accounts/2/unitCode']),
    );
  });

  it('refuses a weak demo password before touching the database', async () => {
    const error = await seedProvince(undefined as never, DIEN_BIEN, { auditContext, password: 'password1234' }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('WEAK_PASSWORD');
  });
});
