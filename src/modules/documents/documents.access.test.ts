import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { bearer } from '../../../test/support/fixtures.js';
import { act, actOk, insertDocumentsWorld, registerIncomingDocument, type DocumentsWorld } from '../../../test/support/documents.js';

describe.each(DIALECTS)('who may read and act on documents (%s)', (dialect) => {
  let t: TestApp;
  let world: DocumentsWorld;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    world = await insertDocumentsWorld(t.db);
  });
  afterAll(async () => t?.close());

  const audits = (action: string, id: number, actorId: number) =>
    t.db.selectFrom('audit_log').select(['action', 'summary']).where('action', '=', action).where('entity_id', '=', String(id)).where('actor_id', '=', actorId).execute();
  const listIds = async (person: { token: string }, view = 'all') =>
    (await t.app.inject({ method: 'GET', url: `/api/documents?view=${view}&pageSize=200`, headers: bearer(person.token) })).json().items.map((i: { id: number }) => i.id);

  it('a confidential document is invisible (404) in detail, lists and files to an ungranted official, and each attempt is audited', async () => {
    const secret = await registerIncomingDocument(t.app, world, { confidentiality: 'mat', subject: 'Kế hoạch bảo vệ bí mật nhà nước' });
    // The leader holds document.read on the unit, but not a grant for this document.
    const detail = await t.app.inject({ method: 'GET', url: `/api/documents/${secret.id}`, headers: bearer(world.leader.token) });
    expect(detail.statusCode).toBe(404);
    expect(detail.json().code).toBe('NOT_FOUND');
    const file = await t.app.inject({ method: 'GET', url: `/api/documents/${secret.id}/files/${secret.mainFile.id}`, headers: bearer(world.leader.token) });
    expect(file.statusCode).toBe(404);
    const plainFile = await t.app.inject({ method: 'GET', url: `/api/files/${secret.mainFile.id}`, headers: bearer(world.leader.token) });
    expect(plainFile.statusCode).toBe(404);
    const action = await act(t.app, world.leader, secret.id, { action: 'comment', body: 'x' });
    expect(action.statusCode).toBe(404);
    expect(await listIds(world.leader)).not.toContain(secret.id);
    expect(await listIds(world.leader, 'incoming')).not.toContain(secret.id);
    const denied = await audits('document.read_denied', secret.id, world.leader.id);
    // The `act` helper reads the detail first, then posts the action: both attempts are on record.
    expect(denied.map((a) => JSON.parse(a.summary).purpose).sort()).toEqual(['action', 'detail', 'detail', 'file']);

    // The registering clerk has a grant: every read of theirs is audited.
    const clerkRead = await t.app.inject({ method: 'GET', url: `/api/documents/${secret.id}`, headers: bearer(world.clerk.token) });
    expect(clerkRead.statusCode).toBe(200);
    expect(await listIds(world.clerk, 'incoming')).toContain(secret.id);
    const reads = await audits('document.read', secret.id, world.clerk.id);
    expect(reads.map((a) => JSON.parse(a.summary).purpose).sort()).toEqual(['detail', 'list']);

    // A grant opens it to the leader.
    await actOk(t.app, world.clerk, secret.id, { action: 'grant_access', userId: world.leader.id });
    const granted = await t.app.inject({ method: 'GET', url: `/api/documents/${secret.id}`, headers: bearer(world.leader.token) });
    expect(granted.statusCode).toBe(200);
    expect(granted.json().allowedActions).toContain('assign');
  });

  it('the unit reads its normal documents; another department and a specialist without involvement do not', async () => {
    const doc = await registerIncomingDocument(t.app, world);
    expect((await t.app.inject({ method: 'GET', url: `/api/documents/${doc.id}`, headers: bearer(world.head.token) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/documents/${doc.id}`, headers: bearer(world.outsider.token) })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/documents/${doc.id}`, headers: bearer(world.specialist.token) })).statusCode).toBe(404);
    expect(await listIds(world.outsider)).not.toContain(doc.id);
    // The files module admits a document's file to its readers (not only its uploader), and to nobody else.
    expect((await t.app.inject({ method: 'GET', url: `/api/files/${doc.mainFile.id}`, headers: bearer(world.head.token) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/files/${doc.mainFile.id}`, headers: bearer(world.outsider.token) })).statusCode).toBe(404);
    const assigned = await actOk(t.app, world.leader, doc.id, { action: 'assign', leadUserId: world.specialist.id, coordinatorUserIds: [], deadline: '2099-01-01' });
    expect(assigned.status).toBe('assigned');
    expect((await t.app.inject({ method: 'GET', url: `/api/documents/${doc.id}`, headers: bearer(world.specialist.token) })).statusCode).toBe(200);
    expect(await listIds(world.specialist, 'my_work')).toContain(doc.id);
  });

  it('only the records clerk registers, only a leader assigns, only the lead closes', async () => {
    const headRegisters = await t.app.inject({ method: 'POST', url: '/api/documents/incoming', headers: bearer(world.head.token), payload: { unitId: world.units.justice } });
    expect(headRegisters.statusCode).toBe(400);
    const doc = await registerIncomingDocument(t.app, world);
    const clerkAssigns = await act(t.app, world.clerk, doc.id, { action: 'assign', leadUserId: world.specialist.id, deadline: '2099-01-01' });
    expect(clerkAssigns.statusCode).toBe(409);
    expect(clerkAssigns.json()).toMatchObject({ code: 'DOCUMENT_ACTION_NOT_ALLOWED', allowed: ['comment'] });
    const officeClerk = await act(t.app, world.officeClerk, doc.id, { action: 'comment', body: 'x' });
    expect(officeClerk.statusCode).toBe(404);
    await actOk(t.app, world.leader, doc.id, { action: 'assign', leadUserId: world.specialist.id, deadline: '2099-01-01' });
    const leaderCompletes = await act(t.app, world.leader, doc.id, { action: 'complete' });
    expect(leaderCompletes.statusCode).toBe(409);
    const missing = await act(t.app, world.leader, doc.id, { action: 'assign', deadline: '2099-01-01' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/leadUserId' }] });
    const past = await act(t.app, world.leader, doc.id, { action: 'assign', leadUserId: world.specialist.id, deadline: '2001-01-01' });
    expect(past.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/deadline' }] });
  });

  it('refuses a paper registration by someone without document.register on the unit (403) and bad input (400)', async () => {
    const { incomingBody } = await import('../../../test/support/documents.js');
    const body = await incomingBody(t.app, world);
    const head = await t.app.inject({ method: 'POST', url: '/api/documents/incoming', headers: bearer(world.head.token), payload: body });
    expect(head.statusCode).toBe(403);
    const otherUnit = await t.app.inject({ method: 'POST', url: '/api/documents/incoming', headers: bearer(world.clerk.token), payload: { ...body, unitId: world.units.office } });
    expect(otherUnit.statusCode).toBe(403);
    const badDate = await t.app.inject({ method: 'POST', url: '/api/documents/incoming', headers: { ...bearer(world.clerk.token), 'accept-language': 'en' }, payload: { ...body, issuedDate: '05/01/2026' } });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/issuedDate' }] });
    const notMine = await t.app.inject({ method: 'POST', url: '/api/documents/incoming', headers: bearer(world.officeClerk.token), payload: { ...body, unitId: world.units.office } });
    expect(notMine.statusCode).toBe(400);
    expect(notMine.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/mainFileId' }] });
  });

  it('documents its routes in the OpenAPI document, signed in only', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/documents', '/api/documents/{id}', '/api/documents/{id}/actions', '/api/documents/incoming', '/api/documents/outgoing', '/api/document-books', '/api/documents/vocabulary']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/documents' })).statusCode).toBe(401);
  });
});
