import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { bearer } from '../../../test/support/fixtures.js';
import { getTestPki } from '../../../test/support/pki.js';
import { act, actOk, assignedIncoming, insertDocumentsWorld, insertSigningCredentials, outgoingToSign, type DocumentsWorld } from '../../../test/support/documents.js';
import { parseCertificateDer } from '../signing/certificate-info.js';
import { verifyPdf } from '../signing/index.js';

describe.each(DIALECTS)('incoming → reply → sign → issue → the recipient receives (%s)', (dialect) => {
  let t: TestApp;
  let world: DocumentsWorld;
  let credentials: { leader: number; officeLeader: number };
  beforeAll(async () => {
    t = await createTestApp(dialect);
    world = await insertDocumentsWorld(t.db);
    credentials = await insertSigningCredentials(t.db, t.config, world);
  });
  afterAll(async () => t?.close());

  const download = async (person: { token: string }, url: string) => {
    const response = await t.app.inject({ method: 'GET', url, headers: bearer(person.token) });
    expect(response.statusCode).toBe(200);
    return response.rawPayload;
  };

  it('runs the whole path at the API level and the recipient sees both signatures verified', { timeout: 90_000 }, async () => {
    const incoming = await assignedIncoming(t.app, world);
    const reply = await outgoingToSign(t.app, world, { inReplyToId: incoming.id, typeCode: 'CV', subject: 'Trả lời về việc chuyển đổi số' });
    expect(reply.status).toBe('to_sign');

    const signed = await actOk(t.app, world.leader, reply.id, { action: 'sign', credential: { kind: 'registered', id: credentials.leader } });
    expect(signed.status).toBe('signed');
    expect(signed.signatures).toMatchObject([{ kind: 'signer', signerName: 'Nguyễn Văn Lãnh' }]);

    const issued = await actOk(t.app, world.clerk, reply.id, { action: 'issue' });
    expect(issued.status).toBe('issued');
    expect(issued.numberNotation).toMatch(/^\d+\/STP-VP$/);
    expect(issued.signatures.map((s: { kind: string }) => s.kind)).toEqual(['signer', 'seal']);
    expect(issued.recipients).toMatchObject([{ unitId: world.units.office, status: 'sent' }]);
    expect(issued.metadata).toMatchObject({ CodeNotation: 'STP-VP', IssuedAmount: 1, TypeName: 'Công văn' });

    const toRegister = await t.app.inject({ method: 'GET', url: '/api/documents?view=to_register', headers: bearer(world.officeClerk.token) });
    const arrived = toRegister.json().items.find((i: { numberNotation: string }) => i.numberNotation === issued.numberNotation);
    expect(arrived).toMatchObject({ status: 'received', organName: 'Sở Tư pháp', unitId: world.units.office });
    const copy = (await t.app.inject({ method: 'GET', url: `/api/documents/${arrived.id}`, headers: bearer(world.officeClerk.token) })).json();
    expect(copy.mainFile.id).toBe(issued.mainFile.id);
    expect(copy.metadata.TraceHeaderList).toHaveLength(1);
    expect(copy.allowedActions).toContain('register');

    const pki = getTestPki();
    const pdf = await download(world.officeClerk, copy.mainFile.url);
    const reports = await verifyPdf(pdf, [parseCertificateDer(pki.root.certificateDer)]);
    expect(reports).toHaveLength(2);
    for (const report of reports) expect(report).toMatchObject({ intact: true, trusted: true, certificateValid: true });

    // The recipient's handling reaches the sender's recipient row in the same transaction.
    const registered = await actOk(t.app, world.officeClerk, arrived.id, { action: 'register' });
    expect(registered.status).toBe('registered');
    expect(registered.arrivalNumber).toBe(1);
    const sender = (await t.app.inject({ method: 'GET', url: `/api/documents/${reply.id}`, headers: bearer(world.clerk.token) })).json();
    expect(sender.recipients[0]).toMatchObject({ status: 'received' });
    await actOk(t.app, world.officeLeader, arrived.id, { action: 'assign', leadUserId: world.officeClerk.id, deadline: '2099-01-01' });
    const afterAssign = (await t.app.inject({ method: 'GET', url: `/api/documents/${reply.id}`, headers: bearer(world.clerk.token) })).json();
    expect(afterAssign.recipients[0].status).toBe('assigned');
    const incomingNow = (await t.app.inject({ method: 'GET', url: `/api/documents/${incoming.id}`, headers: bearer(world.specialist.token) })).json();
    expect(incomingNow.replies).toMatchObject([{ id: reply.id, numberNotation: issued.numberNotation }]);
  });

  it('a recall freezes the document and turns internal copies to recalled; their clerk confirms destruction', { timeout: 90_000 }, async () => {
    const draft = await outgoingToSign(t.app, world);
    await actOk(t.app, world.leader, draft.id, { action: 'sign', credential: { kind: 'registered', id: credentials.leader } });
    const issued = await actOk(t.app, world.clerk, draft.id, { action: 'issue' });
    expect(issued.numberNotation).toMatch(/^\d+\/QĐ-STP$/);
    const recalled = await actOk(t.app, world.clerk, draft.id, { action: 'recall', reason: 'Sai căn cứ pháp lý' });
    expect(recalled.status).toBe('recalled');
    expect(recalled.allowedActions).toEqual([]);
    const frozen = await act(t.app, world.clerk, draft.id, { action: 'comment', body: 'x' });
    expect(frozen.statusCode).toBe(409);
    const copy = await t.db.selectFrom('documents').selectAll().where('source_document_id', '=', draft.id).executeTakeFirstOrThrow();
    expect(copy.status).toBe('recalled');
    const destroyed = await actOk(t.app, world.officeClerk, copy.id, { action: 'confirm_destroyed' });
    expect(destroyed.status).toBe('destroyed');
    const source = (await t.app.inject({ method: 'GET', url: `/api/documents/${draft.id}`, headers: bearer(world.clerk.token) })).json();
    expect(source.recipients[0].status).toBe('destroyed');
  });

  it('only the designated signer signs, with their own credential; issuing without the unit seal rolls the number back', async () => {
    const draft = await outgoingToSign(t.app, world);
    const clerkSigns = await act(t.app, world.clerk, draft.id, { action: 'sign', credential: { kind: 'registered', id: credentials.leader } });
    expect(clerkSigns.statusCode).toBe(409);
    expect(clerkSigns.json().code).toBe('DOCUMENT_ACTION_NOT_ALLOWED');
    const noCredential = await act(t.app, world.leader, draft.id, { action: 'sign' });
    expect(noCredential.statusCode).toBe(400);
    expect(noCredential.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/credential' }] });
    const someoneElses = await act(t.app, world.leader, draft.id, { action: 'sign', credential: { kind: 'registered', id: credentials.officeLeader } });
    expect(someoneElses.statusCode).toBe(404);
    await actOk(t.app, world.leader, draft.id, { action: 'sign', credential: { kind: 'registered', id: credentials.leader } });

    const before = await t.db.selectFrom('document_books').select(['id', 'last_number']).where('unit_id', '=', world.units.justice).where('kind', '=', 'outgoing').execute();
    await t.db.updateTable('signing_credentials').set({ status: 'revoked' }).where('owner_kind', '=', 'unit_seal').where('unit_id', '=', world.units.justice).execute();
    const noSeal = await act(t.app, world.clerk, draft.id, { action: 'issue' });
    expect(noSeal.json().code).toBe('SIGNING_SEAL_MISSING');
    const after = await t.db.selectFrom('document_books').select(['id', 'last_number']).where('unit_id', '=', world.units.justice).where('kind', '=', 'outgoing').execute();
    expect(after).toEqual(before);
    const still = (await t.app.inject({ method: 'GET', url: `/api/documents/${draft.id}`, headers: bearer(world.clerk.token) })).json();
    expect(still).toMatchObject({ status: 'signed', numberNotation: null });
  });
});
