import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { bearer } from '../../../test/support/fixtures.js';
import { act, actOk, assignedIncoming, incomingBody, insertDocumentsWorld, registerIncomingDocument, type DocumentsWorld } from '../../../test/support/documents.js';

describe.each(DIALECTS)('incoming documents (%s)', (dialect) => {
  let t: TestApp;
  let world: DocumentsWorld;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    world = await insertDocumentsWorld(t.db);
  });
  afterAll(async () => t?.close());

  it('registers a scanned paper document with the next arrival number of the year book', async () => {
    const first = await registerIncomingDocument(t.app, world);
    const second = await registerIncomingDocument(t.app, world);
    expect(first).toMatchObject({ status: 'registered', direction: 'incoming', typeName: 'Công văn', unitName: 'Sở Tư pháp', organName: 'UBND tỉnh Điện Biên' });
    expect(second.arrivalNumber).toBe(first.arrivalNumber + 1);
    expect(first.numberNotation).toMatch(/^\d+\/UBND-KSTT$/);
    expect(first.metadata).toMatchObject({ ArrivalNumber: first.arrivalNumber, CodeNotation: 'UBND-KSTT', TypeName: 'Công văn', OrganName: 'UBND tỉnh Điện Biên' });
    expect(first.allowedActions).toEqual(['comment']);
    const book = await t.db.selectFrom('document_books').selectAll().where('unit_id', '=', world.units.justice).where('kind', '=', 'incoming').executeTakeFirstOrThrow();
    expect(book.name).toMatch(/^Sổ văn bản đến năm \d{4}$/);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'document.register').where('entity_id', '=', String(first.id)).execute();
    expect(audit).toHaveLength(1);
    const row = await t.db.selectFrom('documents').select('search_text').where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(row.search_text).toContain('ve viec trien khai chuyen doi so');
  });

  it('warns about a duplicate of number, notation and issuing agency until the clerk confirms', async () => {
    const body = await incomingBody(t.app, world, { codeNumber: '777', codeNotation: 'QĐ-UBND' });
    const first = await t.app.inject({ method: 'POST', url: '/api/documents/incoming', headers: bearer(world.clerk.token), payload: body });
    expect(first.statusCode).toBe(201);
    const again = await t.app.inject({ method: 'POST', url: '/api/documents/incoming', headers: bearer(world.clerk.token), payload: body });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json()).toMatchObject({ code: 'DOCUMENT_DUPLICATE', duplicates: [{ id: first.json().id, arrivalNumber: first.json().arrivalNumber }] });
    const confirmed = await t.app.inject({ method: 'POST', url: '/api/documents/incoming', headers: bearer(world.clerk.token), payload: { ...body, confirmDuplicate: true } });
    expect(confirmed.statusCode).toBe(201);
  });

  it('assigns to a lead and coordinators with a deadline, notifies them, and each finishes their part', async () => {
    const doc = await assignedIncoming(t.app, world, '2099-12-31');
    expect(doc).toMatchObject({ status: 'assigned', dueDate: '2099-12-31', leadName: 'Nguyễn Thị Thu Hà' });
    expect(doc.assignments.map((a: { role: string; userId: number }) => [a.role, a.userId])).toEqual([
      ['lead', world.specialist.id],
      ['coordinator', world.head.id],
    ]);
    const notes = await t.db.selectFrom('notifications').select('user_id').where('user_id', 'in', [world.specialist.id, world.head.id]).execute();
    expect(notes.length).toBeGreaterThanOrEqual(2);
    const part = await actOk(t.app, world.head, doc.id, { action: 'complete', note: 'Đã góp ý' });
    expect(part.status).toBe('assigned');
    const done = await actOk(t.app, world.specialist, doc.id, { action: 'complete', note: 'Đã trả lời' });
    expect(done.status).toBe('done');
    expect(done.allowedActions).toEqual(['comment']);
  });

  it('refuses an action that is not open now (409 with the allowed ones) and a stale version', async () => {
    const doc = await registerIncomingDocument(t.app, world);
    const early = await act(t.app, world.clerk, doc.id, { action: 'file', workFileId: 1 });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'DOCUMENT_ACTION_NOT_ALLOWED', allowed: ['comment'] });
    const stale = await t.app.inject({ method: 'POST', url: `/api/documents/${doc.id}/actions`, headers: bearer(world.leader.token), payload: { action: 'comment', version: doc.version + 5, body: 'x' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('DOCUMENT_CHANGED');
  });

  it('files a done document into an open work file of its unit, in order', async () => {
    const at = new Date().toISOString();
    const workFile = await t.db
      .insertInto('work_files')
      .values({ unit_id: world.units.justice, year: 2026, notation: `HS-${Date.now()}`, title: 'Hồ sơ chuyển đổi số', retention_years: 10, status: 'open', owner_id: world.clerk.id, created_at: at, updated_at: at, closed_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const otherUnit = await t.db
      .insertInto('work_files')
      .values({ unit_id: world.units.office, year: 2026, notation: `HS-VP-${Date.now()}`, title: 'Hồ sơ khác', retention_years: null, status: 'open', owner_id: null, created_at: at, updated_at: at, closed_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const doc = await assignedIncoming(t.app, world);
    await actOk(t.app, world.specialist, doc.id, { action: 'complete' });
    const wrong = await act(t.app, world.clerk, doc.id, { action: 'file', workFileId: Number(otherUnit.id) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/workFileId' }] });
    const filed = await actOk(t.app, world.clerk, doc.id, { action: 'file', workFileId: Number(workFile.id) });
    expect(filed.status).toBe('filed');
    expect(filed.metadata).toMatchObject({ DocOrdinal: 1, FileNotation: expect.stringMatching(/^HS-/) });
  });

  it('registers once per Idempotency-Key: a retried request replays the first answer', async () => {
    const body = await incomingBody(t.app, world);
    const send = () => t.app.inject({ method: 'POST', url: '/api/documents/incoming', headers: { ...bearer(world.clerk.token), 'idempotency-key': `reg-${body.codeNumber}-${dialect}` }, payload: body });
    const first = await send();
    const again = await send();
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const rows = await t.db.selectFrom('documents').select('id').where('code_number', '=', body.codeNumber).where('unit_id', '=', world.units.justice).execute();
    expect(rows).toHaveLength(1);
  });
});
