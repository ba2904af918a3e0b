import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { sessionTokenFor, bearer } from '../../../test/support/fixtures.js';
import { seedDemo } from '../demo/seed-demo.js';
import { DIEN_BIEN } from '../demo/dien-bien.js';
import { seedProvince } from '../demo/seed-province.js';
import { getTestPki } from '../../../test/support/pki.js';
import { insertCredential } from '../../../test/support/documents.js';
import { seedDemoDocuments } from './demo-documents.js';

describe.each(DIALECTS)('demo documents (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('fills the clerk, leader and handler worklists at Sở Tư pháp through the real use cases', { timeout: 120_000 }, async () => {
    const result = await seedDemo(t.db, { password: 'Mật-khẩu-demo-2026', auditContext: { actorId: null, actorUsername: 'test', ip: null, requestId: null }, config: t.config });
    // The demo signing credentials (seeded before) let Văn phòng UBND tỉnh issue one to Sở Tư pháp.
    expect(result.documents).toBe(4);
    const tokenOf = async (username: string) => sessionTokenFor(t.db, await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow());
    const view = async (username: string, name: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/documents?view=${name}`, headers: bearer(await tokenOf(username)) })).json();
    expect((await view('lanhdao', 'to_assign')).total).toBeGreaterThanOrEqual(1);
    const work = await view('chuyenvien', 'my_work');
    expect(work.total).toBe(1);
    expect(work.items[0]).toMatchObject({ status: 'assigned', leadName: 'Nguyễn Thị Thu Hà' });
    expect((await view('chuyenvien', 'due_soon')).total).toBe(1);
    expect((await view('vanthu', 'incoming')).total).toBeGreaterThanOrEqual(2);
    expect((await view('vanthu', 'to_register')).items).toMatchObject([{ status: 'received', organName: 'Văn phòng UBND tỉnh' }]);
    const events = await t.db.selectFrom('document_events').select('action').execute();
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['register', 'assign']));
  });

  it('with demo signing credentials, Văn phòng UBND tỉnh issues a signed and sealed document that waits at Sở Tư pháp for registration', { timeout: 120_000 }, async () => {
    const fresh = await createTestApp(dialect);
    try {
      const context = { actorId: null, actorUsername: 'test', ip: null, requestId: null };
      await seedProvince(fresh.db, DIEN_BIEN, { password: 'Mật-khẩu-demo-2026', auditContext: context });
      const id = async (username: string) => Number((await fresh.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id);
      const office = Number((await fresh.db.selectFrom('units').select('id').where('code', '=', '000.00.01.H18').executeTakeFirstOrThrow()).id);
      const pki = getTestPki();
      await insertCredential(fresh.db, fresh.config, pki.signer, { userId: await id('lanhdao.vp') });
      await insertCredential(fresh.db, fresh.config, pki.seal, { unitId: office });
      expect(await seedDemoDocuments(fresh.db, fresh.config, context)).toBe(4);
      const token = await sessionTokenFor(fresh.db, { id: await id('vanthu') });
      const waiting = (await fresh.app.inject({ method: 'GET', url: '/api/documents?view=to_register', headers: bearer(token) })).json();
      expect(waiting.items).toMatchObject([{ status: 'received', organName: 'Văn phòng UBND tỉnh', numberNotation: '1/TB-VPUBND', typeName: 'Thông báo' }]);
    } finally {
      await fresh.close();
    }
  });
});
