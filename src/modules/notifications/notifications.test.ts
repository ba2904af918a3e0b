import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, insertUser, sessionTokenFor, type TestUser } from '../../../test/support/fixtures.js';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server.js';
import { loadConfig } from '../../platform/config.js';
import { createOutboxWorker } from '../../platform/outbox/start-worker.js';
import { MAIL_TOPIC } from '../../platform/mail/mail.js';
import { notify } from './notify.js';

const silent = { info() {}, warn() {}, error() {} };

describe.each(DIALECTS)('notifications on %s', (dialect) => {
  let t: TestApp;
  let citizen: TestUser;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    citizen = await insertUser(t.db, { kind: 'citizen', fullName: 'Nguyễn Văn Ánh' });
    token = await sessionTokenFor(t.db, citizen);
  });
  afterAll(async () => t?.close());
  beforeEach(async () => {
    await t.db.deleteFrom('notifications').execute();
    await t.db.deleteFrom('outbox').execute();
  });

  const send = (userId: number, subject: string, extra: { email?: boolean; link?: string } = {}) =>
    t.db.transaction().execute((tx) => notify(tx, { userId, subject, body: `Nội dung: ${subject}`, ...extra }));

  describe('notify', () => {
    let smtp: TestSmtpServer;
    beforeAll(async () => {
      smtp = await startSmtpServer();
    });
    afterAll(async () => smtp?.close());

    it('writes the inbox row and e-mails the user after commit', async () => {
      const id = await send(citizen.id, 'Hồ sơ đã được tiếp nhận', { link: 'https://dichvucong.example.vn/portal/dossiers/12' });
      const row = await t.db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ user_id: citizen.id, subject: 'Hồ sơ đã được tiếp nhận', read_at: null });
      const jobs = await t.db.selectFrom('outbox').selectAll().execute();
      expect(jobs).toMatchObject([{ topic: MAIL_TOPIC, dedupe_key: `notification:${id}` }]);

      const worker = createOutboxWorker(t.db, loadConfig({ SMTP_URL: smtp.url }), silent);
      expect(await worker.runOnce()).toMatchObject({ done: 1 });
      const [mail] = await smtp.waitFor(1);
      expect(mail!.to).toEqual([`${citizen.username}@example.test`]);
      expect(mail!.parsed.subject).toBe('Hồ sơ đã được tiếp nhận');
      expect(mail!.parsed.text).toContain('Nội dung: Hồ sơ đã được tiếp nhận');
      expect(mail!.parsed.text).toContain('Xem chi tiết (details): https://dichvucong.example.vn/portal/dossiers/12');
    });

    it('leaves no inbox row and no e-mail when the action rolls back', async () => {
      await expect(
        t.db.transaction().execute(async (tx) => {
          await notify(tx, { userId: citizen.id, subject: 'Không được gửi', body: 'x' });
          throw new Error('action refused');
        }),
      ).rejects.toThrow('action refused');
      expect(await t.db.selectFrom('notifications').selectAll().execute()).toEqual([]);
      expect(await t.db.selectFrom('outbox').selectAll().execute()).toEqual([]);
    });

    it('queues no e-mail when asked not to, or when the user has no address', async () => {
      await send(citizen.id, 'Chỉ trong hộp thư', { email: false });
      const noAddress = await insertUser(t.db, { kind: 'citizen' });
      await t.db.updateTable('users').set({ email: null }).where('id', '=', noAddress.id).execute();
      await send(noAddress.id, 'Không có địa chỉ');
      expect(await t.db.selectFrom('notifications').select('subject').orderBy('id').execute()).toHaveLength(2);
      expect(await t.db.selectFrom('outbox').selectAll().execute()).toEqual([]);
    });
  });

  describe('inbox API', () => {
    it('lists the caller’s notifications newest first, with unread filter, paging and counts', async () => {
      const first = await send(citizen.id, 'Thông báo 1', { email: false });
      await send(citizen.id, 'Thông báo 2', { email: false, link: '/portal/dossiers/2' });
      await send(citizen.id, 'Thông báo 3', { email: false });
      await t.db.updateTable('notifications').set({ read_at: new Date().toISOString() }).where('id', '=', first).execute();

      const all = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: bearer(token) });
      expect(all.statusCode).toBe(200);
      expect(all.json()).toMatchObject({ total: 3, unread: 2 });
      expect(all.json().items.map((i: { subject: string }) => i.subject)).toEqual(['Thông báo 3', 'Thông báo 2', 'Thông báo 1']);
      expect(all.json().items[1]).toMatchObject({ body: 'Nội dung: Thông báo 2', link: '/portal/dossiers/2', readAt: null });

      const unread = await t.app.inject({ method: 'GET', url: '/api/notifications?unread=true&pageSize=1&page=2', headers: bearer(token) });
      expect(unread.json()).toMatchObject({ total: 2, unread: 2, items: [{ subject: 'Thông báo 2' }] });
      const read = await t.app.inject({ method: 'GET', url: '/api/notifications?unread=false', headers: bearer(token) });
      expect(read.json()).toMatchObject({ total: 1, items: [{ id: first }] });
    });

    it('marks one as read once (audited), keeping the first reading time', async () => {
      const id = await send(citizen.id, 'Đọc tôi', { email: false });
      const response = await t.app.inject({ method: 'POST', url: `/api/notifications/${id}/read`, headers: bearer(token) });
      expect(response.statusCode).toBe(200);
      const readAt = response.json().readAt;
      expect(readAt).toEqual(expect.any(String));
      const again = await t.app.inject({ method: 'POST', url: `/api/notifications/${id}/read`, headers: bearer(token) });
      expect(again.json().readAt).toBe(readAt);
      const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'notification.read').where('entity_id', '=', String(id)).execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor_id: citizen.id, entity_type: 'notification' });
    });

    it('marks all as read and says how many changed', async () => {
      await send(citizen.id, 'A', { email: false });
      await send(citizen.id, 'B', { email: false });
      const response = await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: bearer(token) });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ updated: 2 });
      const unread = await t.db.selectFrom('notifications').selectAll().where('read_at', 'is', null).execute();
      expect(unread).toEqual([]);
      expect((await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: bearer(token) })).json()).toEqual({ updated: 0 });
      const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'notification.read_all').where('actor_id', '=', citizen.id).execute();
      expect(audit.map((a) => JSON.parse(a.summary))).toContainEqual({ updated: 2 });
    });

    it('refuses bad input with a problem naming the field', async () => {
      const cases: [string, string, string][] = [
        ['GET', '/api/notifications?unread=maybe', '/query/unread'],
        ['GET', '/api/notifications?page=0', '/query/page'],
        ['GET', '/api/notifications?pageSize=101', '/query/pageSize'],
        ['GET', '/api/notifications?userId=1', '/query/userId'],
        ['POST', '/api/notifications/abc/read', '/params/id'],
        ['POST', '/api/notifications/0/read', '/params/id'],
      ];
      for (const [method, url, path] of cases) {
        const response = await t.app.inject({ method: method as 'GET' | 'POST', url, headers: bearer(token) });
        expect(response.statusCode, url).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json().code, url).toBe('VALIDATION_FAILED');
        expect(response.json().errors.map((e: { path: string }) => e.path), url).toContain(path);
      }
    });
  });
});
