import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { DIALECTS } from '../../../../test/support/databases.js';
import { bearer, insertDocumentFixture, insertProvinceTree, insertUser, sessionTokenFor, type TestUser } from '../../../../test/support/fixtures.js';
import { expectProblem } from '../../../../test/support/one-stop.js';
import { createDocument, finishDocument, paragraph } from '../../../platform/pdf/index.js';
import { createFileStore } from '../../../platform/storage/create-file-store.js';
import { storePdf } from '../document-files.js';
import { INDEX_CONTENT_TOPIC, indexPendingContent } from './index-content.js';
import { enqueue } from '../../../platform/outbox/outbox.js';
import { createOutboxWorker } from '../../../platform/outbox/start-worker.js';

async function pdfWith(text: string): Promise<Buffer> {
  const doc = createDocument({ title: 'Văn bản thử' });
  paragraph(doc, text);
  return finishDocument(doc);
}

describe.each(DIALECTS)('document search on %s', (dialect) => {
  let t: TestApp;
  let clerk: TestUser;
  let outsider: TestUser;
  let units: Awaited<ReturnType<typeof insertProvinceTree>>;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect);
    units = await insertProvinceTree(t.db);
    clerk = await insertUser(t.db, { unitId: units.justice, roles: [{ role: 'records_clerk', unitId: units.justice }] });
    outsider = await insertUser(t.db, { unitId: units.justice, roles: [{ role: 'specialist', unitId: units.justice }] });
    const store = createFileStore(t.config);
    const pdf = await storePdf(t.db, store, clerk.id, await pdfWith('Kế hoạch bảo vệ rừng phòng hộ đầu nguồn huyện Mường Nhé năm 2026.'), 'ke-hoach.pdf');
    ids.land = await insertDocumentFixture(t.db, {
      unitId: units.justice, typeCode: 'QD', subject: 'Quyết định về việc giao đất đai cho hộ gia đình ở Điện Biên Đông',
      codeNumber: '12', codeNotation: 'QĐ-UBND', organName: 'UBND tỉnh Điện Biên', issuedDate: '2026-03-02', arrivalNumber: 4,
    });
    ids.report = await insertDocumentFixture(t.db, {
      unitId: units.justice, direction: 'outgoing', status: 'issued', typeCode: 'BC', subject: 'Báo cáo công tác quý I',
      codeNumber: '7', codeNotation: 'BC-STP', issuedDate: '2026-04-10', mainFileId: pdf.id,
    });
    ids.secret = await insertDocumentFixture(t.db, {
      unitId: units.justice, typeCode: 'QD', subject: 'Quyết định thu hồi đất đai khu kinh tế', confidentiality: 'mat', issuedDate: '2026-03-05',
    });
    ids.elsewhere = await insertDocumentFixture(t.db, { unitId: units.finance, typeCode: 'QD', subject: 'Quyết định giao đất đai cho Sở Tài chính' });
    await indexPendingContent(t.db, store);
  });
  afterAll(async () => t?.close());

  const search = async (user: TestUser, query: string) =>
    t.app.inject({ method: 'GET', url: `/api/documents/search?${query}`, headers: bearer(await sessionTokenFor(t.db, user)) });

  it('finds "quyet dinh dat dai" in "Quyết định … đất đai", only among the documents the caller may read', async () => {
    const response = await search(clerk, 'q=quyet%20dinh%20dat%20dai');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.items.map((item: { id: number }) => item.id)).toEqual([ids.land]);
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ subject: 'Quyết định về việc giao đất đai cho hộ gia đình ở Điện Biên Đông', numberNotation: '12/QĐ-UBND', typeName: 'Quyết định' });
    expect(body.items[0].snippet).toContain('quyet dinh ve viec giao dat dai');
  });

  it('matches typed accents, đ and the number notation the same way', async () => {
    expect((await search(clerk, `q=${encodeURIComponent('ĐIỆN BIÊN ĐÔNG')}`)).json().items.map((i: { id: number }) => i.id)).toEqual([ids.land]);
    expect((await search(clerk, `q=${encodeURIComponent('12/QĐ-UBND')}`)).json().items.map((i: { id: number }) => i.id)).toEqual([ids.land]);
    expect((await search(clerk, 'q=giao%20da')).json().total).toBe(1);
  });

  it('finds words that only appear inside the PDF once its text is indexed', async () => {
    const row = await t.db.selectFrom('documents').select(['content_file_id', 'main_file_id', 'content_text']).where('id', '=', ids.report).executeTakeFirstOrThrow();
    expect(row.content_file_id).toBe(row.main_file_id);
    expect(row.content_text).toContain('rung phong ho dau nguon huyen muong nhe');
    const body = (await search(clerk, `q=${encodeURIComponent('rừng phòng hộ Mường Nhé')}`)).json();
    expect(body.items.map((i: { id: number }) => i.id)).toEqual([ids.report]);
    expect(body.items[0].snippet).toContain('muong nhe');
  });

  it('indexes a changed main file again, and nothing that is already indexed', async () => {
    const store = createFileStore(t.config);
    expect(await indexPendingContent(t.db, store)).toEqual({ indexed: 0, unreadable: 0 });
    const next = await storePdf(t.db, store, clerk.id, await pdfWith('Phương án phòng chống lũ quét'), 'v2.pdf');
    await t.db.updateTable('documents').set({ main_file_id: next.id }).where('id', '=', ids.report).execute();
    expect(await indexPendingContent(t.db, store)).toEqual({ indexed: 1, unreadable: 0 });
    expect((await search(clerk, 'q=lu%20quet')).json().items.map((i: { id: number }) => i.id)).toEqual([ids.report]);
    expect((await search(clerk, 'q=muong%20nhe')).json().total).toBe(0);
  });

  it('filters by direction, type and date', async () => {
    expect((await search(clerk, 'direction=outgoing')).json().items.map((i: { id: number }) => i.id)).toEqual([ids.report]);
    expect((await search(clerk, 'typeCode=QD&q=dat')).json().items.map((i: { id: number }) => i.id)).toEqual([ids.land]);
    expect((await search(clerk, 'from=2026-04-01&to=2026-04-30')).json().items.map((i: { id: number }) => i.id)).toEqual([ids.report]);
    expect((await search(clerk, `unitId=${units.finance}`)).json().total).toBe(0);
  });

  it('shows a confidential document only to a grant holder, and audits that read', async () => {
    expect((await search(clerk, 'q=thu%20hoi%20dat')).json().total).toBe(0);
    await t.db.insertInto('document_access').values({ document_id: ids.secret, user_id: clerk.id, granted_by: null, granted_at: new Date().toISOString() }).execute();
    const body = (await search(clerk, 'q=thu%20hoi%20dat')).json();
    expect(body.items.map((i: { id: number }) => i.id)).toEqual([ids.secret]);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'summary', 'actor_id']).where('action', '=', 'document.read').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(clerk.id);
    expect(JSON.parse(audit.summary!)).toEqual({ via: 'search', documentIds: [ids.secret] });
  });

  it('gives an official without document rights nothing', async () => {
    const body = (await search(outsider, 'q=quyet%20dinh')).json();
    expect(body).toEqual({ items: [], total: 0 });
  });

  it('drains a backlog through the document.index outbox job, one batch per pass', async () => {
    await t.db.insertInto('files').values({ id: '6f1c1c1e-0000-4000-8000-000000000001', sha256: 'a'.repeat(64), size: 1, media_type: 'image/png', original_name: 'scan.png', owner_user_id: clerk.id, created_at: new Date().toISOString() }).execute();
    for (let i = 0; i < 25; i++) {
      await insertDocumentFixture(t.db, { unitId: units.justice, subject: `Bản quét ${i}`, mainFileId: '6f1c1c1e-0000-4000-8000-000000000001' });
    }
    const pending = async () =>
      Number((await t.db.selectFrom('documents').select((eb) => eb.fn.countAll().as('n')).where('content_file_id', 'is', null).where('main_file_id', 'is not', null).executeTakeFirstOrThrow()).n);
    expect(await pending()).toBe(25);
    await enqueue(t.db, INDEX_CONTENT_TOPIC, { documentId: 0 });
    const worker = createOutboxWorker(t.db, t.config, { info() {}, warn() {}, error() {} });
    expect(await worker.runOnce()).toMatchObject({ done: 1 });
    expect(await pending()).toBe(5);
    expect(await worker.runOnce()).toMatchObject({ done: 1 });
    expect(await pending()).toBe(0);
    expect((await worker.runOnce()).claimed).toBe(0);
  });

  it('refuses bad input and anonymous callers', async () => {
    expect(expectProblem(await search(clerk, 'pageSize=0'), 400, 'VALIDATION_FAILED').errors.map((e: { path: string }) => e.path)).toContain('/query/pageSize');
    expect(expectProblem(await search(clerk, 'direction=sideways'), 400, 'VALIDATION_FAILED').errors.map((e: { path: string }) => e.path)).toContain('/query/direction');
    expect(expectProblem(await search(clerk, 'from=02-03-2026'), 400, 'VALIDATION_FAILED').errors.map((e: { path: string }) => e.path)).toContain('/query/from');
    expect(expectProblem(await search(clerk, `q=${'a'.repeat(201)}`), 400, 'VALIDATION_FAILED').errors.map((e: { path: string }) => e.path)).toContain('/query/q');
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/documents/search?q=dat' }), 401, 'UNAUTHENTICATED');
  });
});
