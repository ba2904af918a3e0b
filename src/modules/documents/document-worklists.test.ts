import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { bearer } from '../../../test/support/fixtures.js';
import { actOk, assignedIncoming, insertDocumentsWorld, insertSigningCredentials, outgoingToSign, uploadPdf, type DocumentsWorld } from '../../../test/support/documents.js';

describe.each(DIALECTS)('document worklists, sender status and concurrent issue (%s)', (dialect) => {
  let t: TestApp;
  let world: DocumentsWorld;
  let credentials: { leader: number };
  beforeAll(async () => {
    t = await createTestApp(dialect);
    world = await insertDocumentsWorld(t.db);
    credentials = await insertSigningCredentials(t.db, t.config, world);
  });
  afterAll(async () => t?.close());

  const ids = async (person: { token: string }, query: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/documents?${query}`, headers: bearer(person.token) })).json().items.map((i: { id: number }) => i.id);

  it('lists overdue and due-soon work for the handler, filtered by type and urgency', async () => {
    const overdue = await assignedIncoming(t.app, world, '2099-01-01', { urgency: 'hoa_toc' });
    const later = await assignedIncoming(t.app, world, '2099-01-01');
    await t.db.updateTable('documents').set({ due_date: '2020-01-01' }).where('id', '=', overdue.id).execute();
    expect(await ids(world.specialist, 'view=overdue')).toContain(overdue.id);
    expect(await ids(world.specialist, 'view=overdue')).not.toContain(later.id);
    expect(await ids(world.leader, 'view=overdue&urgency=hoa_toc')).toContain(overdue.id);
    expect(await ids(world.leader, 'view=overdue&urgency=khan')).not.toContain(overdue.id);
    expect(await ids(world.leader, 'view=incoming&typeCode=QD')).not.toContain(overdue.id);
    expect(await ids(world.outsider, 'view=overdue')).toEqual([]);
    const bad = await t.app.inject({ method: 'GET', url: '/api/documents?view=nope', headers: bearer(world.leader.token) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
  });

  it('reports the handling of a document from another instance back through the outbox (document.status)', async () => {
    const at = new Date().toISOString();
    const fileId = await uploadPdf(t.app, world.clerk);
    const row = await t.db
      .insertInto('documents')
      .values({ uid: randomUUID(), direction: 'incoming', status: 'received', unit_id: world.units.justice, type_code: 'CV', subject: 'Văn bản liên thông', urgency: 'normal', confidentiality: 'normal', code_number: '5', code_notation: 'UBND-VP', organ_id: '000.00.00.H99', organ_name: 'UBND tỉnh Lai Châu', source_peer: '000.00.00.H99', main_file_id: fileId, arrival_date: at, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await actOk(t.app, world.clerk, Number(row.id), { action: 'register' });
    const jobs = await t.db.selectFrom('outbox').select(['topic', 'payload']).where('topic', '=', 'document.status').execute();
    expect(jobs.map((j) => JSON.parse(j.payload))).toContainEqual({ documentId: Number(row.id), status: 'received' });
  });

  it('issues concurrently signed documents of one book with distinct, gap-free numbers', { timeout: 120_000 }, async () => {
    const count = 6;
    const docs = [];
    for (let i = 0; i < count; i++) {
      const draft = await outgoingToSign(t.app, world, { typeCode: 'KH', subject: `Kế hoạch số ${i}` });
      docs.push(await actOk(t.app, world.leader, draft.id, { action: 'sign', credential: { kind: 'registered', id: credentials.leader } }));
    }
    const issued = await Promise.all(
      docs.map((d) => t.app.inject({ method: 'POST', url: `/api/documents/${d.id}/actions`, headers: bearer(world.clerk.token), payload: { action: 'issue', version: d.version } })),
    );
    expect(issued.map((r) => r.statusCode)).toEqual(Array(count).fill(200));
    const numbers = issued.map((r) => Number(r.json().numberNotation.split('/')[0])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: count }, (_, i) => numbers[0] + i));
    expect(new Set(issued.map((r) => r.json().numberNotation.split('/')[1]))).toEqual(new Set(['KH-STP']));
  });
});
