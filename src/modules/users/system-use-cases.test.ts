import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, tokenFor } from '../../../test/support/fixtures.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import { createUnit } from '../units/units.service.js';
import { disableUser, resetPassword } from './account-security.js';
import { createUser } from './create-user.js';
import { SYSTEM } from './performer.js';
import { findUserByUsername } from './users.repository.js';

// What the `cqs` command line calls: the use cases without HTTP, performed by the server operator.
const operator: AuditContext = { actorId: null, actorUsername: 'system', ip: null, requestId: null };

describe.each(DIALECTS)('use cases performed by the system (CLI, seeding) on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('creates the root unit and a first administrator, resets the password and disables the account', async () => {
    const province = await createUnit(t.db, operator, { code: '000.00.00.H18', name: 'UBND tỉnh Điện Biên', shortName: 'UBND', type: 'province', parentId: null }, SYSTEM);
    expect(province).toMatchObject({ parentId: null, status: 'active' });
    await expect(
      createUnit(t.db, operator, { code: '000.00.00.H19', name: 'Tỉnh thứ hai', shortName: 'UBND', type: 'province', parentId: null }, SYSTEM),
    ).rejects.toMatchObject({ code: 'UNIT_ROOT_EXISTS' });

    const admin = await createUser(
      t.db,
      operator,
      { username: 'QuanTri', fullName: 'Quản trị tỉnh', kind: 'official', unitId: province.id, password: 'Hoa ban nở trắng Mường Thanh', roles: [{ role: 'admin', unitId: province.id, includeSubtree: true }] },
      SYSTEM,
    );
    expect(admin).toMatchObject({ username: 'quantri', roles: [{ role: 'admin', unitId: province.id, includeSubtree: true }] });
    await expect(
      createUser(t.db, operator, { username: 'yeu', fullName: 'Yếu', kind: 'official', unitId: province.id, password: 'password1234' }, SYSTEM, 'en'),
    ).rejects.toMatchObject({ code: 'WEAK_PASSWORD', params: { reason: 'this password is too common.' } });

    const found = await findUserByUsername(t.db, 'QUANTRI');
    expect(found?.id).toBe(admin.id);
    await resetPassword(t.db, operator, admin.id, 'Đồi A1 năm 1954 vẫn đó', SYSTEM);
    // Admins must enrol TOTP, so sign-in stops at enrolment; the password itself is accepted.
    const signIn = await t.app.inject({ method: 'POST', url: '/api/auth/token', payload: { username: 'quantri', password: 'Đồi A1 năm 1954 vẫn đó' } });
    expect(signIn.statusCode).not.toBe(401);

    const other = await createUser(t.db, operator, { username: 'can.bo', fullName: 'Cán bộ', kind: 'official', unitId: province.id, password: 'Hoa ban nở trắng Mường Thanh' }, SYSTEM);
    const token = await tokenFor(t.app, { id: other.id, username: 'can.bo', password: 'Hoa ban nở trắng Mường Thanh' });
    const disabled = await disableUser(t.db, operator, other.id, SYSTEM);
    expect(disabled.status).toBe('disabled');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(401);

    const audit = await t.db.selectFrom('audit_log').select(['action', 'actor_id', 'actor_username']).where('actor_username', '=', 'system').orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['unit.create', 'user.create', 'user.password.reset', 'user.create', 'user.disable']);
    expect(audit.every((a) => a.actor_id === null)).toBe(true);
  });
});
