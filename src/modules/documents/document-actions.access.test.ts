import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { bearer } from '../../../test/support/fixtures.js';
import { actOk, draftOutgoing, insertDocumentsWorld, insertSigningCredentials, type DocPerson, type DocumentsWorld } from '../../../test/support/documents.js';

describe.each(DIALECTS)('who may take which document action at each status (%s)', (dialect) => {
  let t: TestApp;
  let world: DocumentsWorld;
  let credentials: { leader: number };
  beforeAll(async () => {
    t = await createTestApp(dialect);
    world = await insertDocumentsWorld(t.db);
    credentials = await insertSigningCredentials(t.db, t.config, world);
  });
  afterAll(async () => t?.close());

  /** allowedActions per person; null when the document answers 404 to them. */
  async function actionsOf(id: number): Promise<Record<string, string[] | null>> {
    const people: Record<string, DocPerson> = { specialist: world.specialist, head: world.head, leader: world.leader, clerk: world.clerk, officeClerk: world.officeClerk };
    const out: Record<string, string[] | null> = {};
    for (const [name, person] of Object.entries(people)) {
      const response = await t.app.inject({ method: 'GET', url: `/api/documents/${id}`, headers: bearer(person.token) });
      out[name] = response.statusCode === 200 ? response.json().allowedActions : null;
    }
    return out;
  }

  it('outgoing: the drafter drafts, the reviewer reviews, the clerk checks and issues, the signer signs or returns, clerk or signer recalls', { timeout: 90_000 }, async () => {
    const draft = await draftOutgoing(t.app, world.specialist, world);
    expect(await actionsOf(draft.id)).toEqual({ specialist: ['add_version', 'submit', 'comment'], head: ['comment'], leader: ['comment'], clerk: ['comment'], officeClerk: null });
    await actOk(t.app, world.specialist, draft.id, { action: 'submit', reviewerIds: [world.head.id] });
    expect(await actionsOf(draft.id)).toEqual({ specialist: ['comment'], head: ['review', 'comment'], leader: ['comment'], clerk: ['comment'], officeClerk: null });
    await actOk(t.app, world.head, draft.id, { action: 'review', decision: 'approve' });
    expect(await actionsOf(draft.id)).toEqual({ specialist: ['comment'], head: ['comment'], leader: ['comment'], clerk: ['format_check', 'comment'], officeClerk: null });
    await actOk(t.app, world.clerk, draft.id, { action: 'format_check', decision: 'pass' });
    expect(await actionsOf(draft.id)).toEqual({ specialist: ['comment'], head: ['comment'], leader: ['sign', 'return', 'comment'], clerk: ['comment'], officeClerk: null });
    await actOk(t.app, world.leader, draft.id, { action: 'sign', credential: { kind: 'registered', id: credentials.leader } });
    expect(await actionsOf(draft.id)).toEqual({ specialist: ['comment'], head: ['comment'], leader: ['comment'], clerk: ['issue', 'comment'], officeClerk: null });
    await actOk(t.app, world.clerk, draft.id, { action: 'issue' });
    expect(await actionsOf(draft.id)).toEqual({ specialist: ['comment'], head: ['comment'], leader: ['recall', 'comment'], clerk: ['recall', 'comment'], officeClerk: null });
  });

  it('incoming: the receiving clerk registers and files, leaders assign, handlers complete, the clerk confirms destruction of a recalled copy', { timeout: 90_000 }, async () => {
    const draft = await draftOutgoing(t.app, world.specialist, world, { confidentiality: 'normal' });
    await actOk(t.app, world.specialist, draft.id, { action: 'submit', reviewerIds: [] });
    await actOk(t.app, world.clerk, draft.id, { action: 'format_check', decision: 'pass' });
    await actOk(t.app, world.leader, draft.id, { action: 'sign', credential: { kind: 'registered', id: credentials.leader } });
    await actOk(t.app, world.clerk, draft.id, { action: 'issue' });
    const copy = await t.db.selectFrom('documents').select('id').where('source_document_id', '=', draft.id).executeTakeFirstOrThrow();
    const id = Number(copy.id);
    const office = async () => {
      const out: Record<string, string[] | null> = {};
      for (const [name, person] of Object.entries({ officeClerk: world.officeClerk, officeLeader: world.officeLeader, clerk: world.clerk })) {
        const response = await t.app.inject({ method: 'GET', url: `/api/documents/${id}`, headers: bearer(person.token) });
        out[name] = response.statusCode === 200 ? response.json().allowedActions : null;
      }
      return out;
    };
    expect(await office()).toEqual({ officeClerk: ['register', 'comment'], officeLeader: ['comment'], clerk: null });
    await actOk(t.app, world.officeClerk, id, { action: 'register' });
    expect(await office()).toEqual({ officeClerk: ['comment'], officeLeader: ['assign', 'comment'], clerk: null });
    await actOk(t.app, world.officeLeader, id, { action: 'assign', leadUserId: world.officeClerk.id, deadline: '2099-01-01' });
    expect(await office()).toEqual({ officeClerk: ['complete', 'comment'], officeLeader: ['assign', 'comment'], clerk: null });
    await actOk(t.app, world.officeClerk, id, { action: 'complete' });
    expect(await office()).toEqual({ officeClerk: ['file', 'comment'], officeLeader: ['comment'], clerk: null });
    await actOk(t.app, world.clerk, draft.id, { action: 'recall', reason: 'Thay thế bằng văn bản khác' });
    expect(await office()).toEqual({ officeClerk: ['confirm_destroyed'], officeLeader: [], clerk: null });
  });

  it('refuses malformed ids with 400 problem documents', async () => {
    const badId = await t.app.inject({ method: 'GET', url: '/api/documents/abc', headers: bearer(world.clerk.token) });
    expect(badId.statusCode).toBe(400);
    expect(badId.headers['content-type']).toContain('application/problem+json');
    expect(badId.json().code).toBe('VALIDATION_FAILED');
    const badFile = await t.app.inject({ method: 'GET', url: '/api/documents/1/files/not-a-uuid', headers: bearer(world.clerk.token) });
    expect(badFile.statusCode).toBe(400);
    const unknown = await t.app.inject({ method: 'GET', url: '/api/documents/999999', headers: bearer(world.clerk.token) });
    expect(unknown.statusCode).toBe(404);
    const badBody = await t.app.inject({ method: 'POST', url: '/api/documents/999999/actions', headers: bearer(world.clerk.token), payload: { action: 'fly', version: 1 } });
    expect(badBody.statusCode).toBe(400);
    expect(badBody.json().errors[0].path).toBe('/action');
  });
});
