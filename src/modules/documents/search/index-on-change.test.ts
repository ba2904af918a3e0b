import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { DIALECTS } from '../../../../test/support/databases.js';
import { actOk, draftOutgoing, insertDocumentsWorld, registerIncomingDocument, uploadPdf, type DocumentsWorld } from '../../../../test/support/documents.js';
import { bearer } from '../../../../test/support/fixtures.js';
import { createDocument, finishDocument, paragraph } from '../../../platform/pdf/index.js';
import { createOutboxWorker } from '../../../platform/outbox/start-worker.js';

async function pdfWith(text: string): Promise<Buffer> {
  const doc = createDocument({ title: 'Văn bản thử' });
  paragraph(doc, text);
  return finishDocument(doc);
}

describe.each(DIALECTS)('PDF text becomes searchable after the action that changed the main file, on %s', (dialect) => {
  let t: TestApp;
  let world: DocumentsWorld;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    world = await insertDocumentsWorld(t.db);
  });
  afterAll(async () => t?.close());

  const drainOutbox = async () => {
    const worker = createOutboxWorker(t.db, t.config, { info() {}, warn() {}, error() {} });
    while ((await worker.runOnce()).claimed > 0);
  };
  const searchIds = async (q: string) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/documents/search?q=${encodeURIComponent(q)}`, headers: bearer(world.clerk.token) });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items.map((item: { id: number }) => item.id);
  };

  it('a registered paper document is found by a word of its scan once the outbox has run', async () => {
    const mainFileId = await uploadPdf(t.app, world.clerk, undefined, await pdfWith('Phương án phòng chống cháy rừng mùa khô tại Mường Chà.'));
    const doc = await registerIncomingDocument(t.app, world, { mainFileId, subject: 'Về việc phối hợp' });
    expect(await searchIds('chay rung mua kho')).toEqual([]);
    await drainOutbox();
    expect(await searchIds('chay rung mua kho')).toEqual([doc.id]);
  });

  it('a new draft version replaces the indexed text of the earlier one', async () => {
    const draft = await draftOutgoing(t.app, world.specialist, world, { body: 'Dự thảo thứ nhất về bảo tồn hoa ban.' });
    await drainOutbox();
    expect(await searchIds('bao ton hoa ban')).toEqual([draft.id]);
    await actOk(t.app, world.specialist, draft.id, { action: 'add_version', body: 'Dự thảo thứ hai về du lịch cộng đồng.', note: 'Sửa theo góp ý' });
    await drainOutbox();
    expect(await searchIds('du lich cong dong')).toEqual([draft.id]);
    expect(await searchIds('bao ton hoa ban')).toEqual([]);
  });
});
