import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { sessionTokenFor, bearer } from '../../../test/support/fixtures.js';
import { seedDemo } from '../demo/seed-demo.js';

describe.each(DIALECTS)('demo documents (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('fills the clerk, leader and handler worklists at Sở Tư pháp through the real use cases', async () => {
    const result = await seedDemo(t.db, { password: 'Mật-khẩu-demo-2026', auditContext: { actorId: null, actorUsername: 'test', ip: null, requestId: null }, config: t.config });
    expect(result.documents).toBeGreaterThanOrEqual(2);
    const tokenOf = async (username: string) => sessionTokenFor(t.db, await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow());
    const view = async (username: string, name: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/documents?view=${name}`, headers: bearer(await tokenOf(username)) })).json();
    expect((await view('lanhdao', 'to_assign')).total).toBeGreaterThanOrEqual(1);
    const work = await view('chuyenvien', 'my_work');
    expect(work.total).toBe(1);
    expect(work.items[0]).toMatchObject({ status: 'assigned', leadName: 'Nguyễn Thị Thu Hà' });
    expect((await view('chuyenvien', 'due_soon')).total).toBe(1);
    expect((await view('vanthu', 'incoming')).total).toBeGreaterThanOrEqual(2);
    const events = await t.db.selectFrom('document_events').select('action').execute();
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['register', 'assign']));
  });
});
