import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { bearer } from '../../../test/support/fixtures.js';
import { extractPdfPages } from '../../../test/support/pdf.js';
import { act, actOk, assignedIncoming, draftOutgoing, insertDocumentsWorld, outgoingBody, outgoingToSign, uploadPdf, type DocumentsWorld } from '../../../test/support/documents.js';

describe.each(DIALECTS)('outgoing documents (%s)', (dialect) => {
  let t: TestApp;
  let world: DocumentsWorld;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    world = await insertDocumentsWorld(t.db);
  });
  afterAll(async () => t?.close());

  it('renders a text draft as an A4 PDF with the national heading, the notation left unnumbered and the signer', async () => {
    const draft = await draftOutgoing(t.app, world.specialist, world);
    expect(draft).toMatchObject({ status: 'drafting', direction: 'outgoing', numberNotation: null, signerUserId: world.leader.id, signerName: 'Trần Quốc Khánh' });
    expect(draft.versions).toHaveLength(1);
    expect(draft.recipients).toMatchObject([{ unitId: world.units.office, name: 'Văn phòng UBND tỉnh', channel: 'internal', status: 'pending' }]);
    expect(draft.allowedActions).toEqual(['add_version', 'submit', 'comment']);
    const pdf = await t.app.inject({ method: 'GET', url: draft.mainFile.url, headers: bearer(world.specialist.token) });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const [page] = await extractPdfPages(pdf.rawPayload);
    expect(page).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(page).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(page).toContain('SỞ TƯ PHÁP');
    expect(page).toMatch(/Số: +\/QĐ-STP/);
    expect(page).toContain('QUYẾT ĐỊNH');
    expect(page).toContain('Trần Quốc Khánh');
  });

  it('keeps versions, reviewers and comments: a change request sends the draft back, approval moves it to format check, then to the signer', { timeout: 90_000 }, async () => {
    const draft = await draftOutgoing(t.app, world.specialist, world, { typeCode: 'CV', subject: 'Góp ý dự thảo quy chế' });
    const submitted = await actOk(t.app, world.specialist, draft.id, { action: 'submit', reviewerIds: [world.head.id] });
    expect(submitted.status).toBe('in_review');
    expect(submitted.reviews).toMatchObject([{ reviewerId: world.head.id, kind: 'content', status: 'pending', versionNo: 1 }]);
    const back = await actOk(t.app, world.head, draft.id, { action: 'review', decision: 'request_changes', comment: 'Bổ sung căn cứ pháp lý' });
    expect(back.status).toBe('drafting');
    expect(back.comments.map((c: { body: string }) => c.body)).toContain('Bổ sung căn cứ pháp lý');
    const fileId = await uploadPdf(t.app, world.specialist, 'Dự thảo lần 2');
    const v2 = await actOk(t.app, world.specialist, draft.id, { action: 'add_version', fileId, note: 'Đã bổ sung' });
    expect(v2.versions.map((v: { versionNo: number }) => v.versionNo)).toEqual([1, 2]);
    expect(v2.mainFile.id).toBe(fileId);
    await actOk(t.app, world.specialist, draft.id, { action: 'submit', reviewerIds: [world.head.id] });
    const approved = await actOk(t.app, world.head, draft.id, { action: 'review', decision: 'approve' });
    expect(approved.status).toBe('format_check');
    const returned = await actOk(t.app, world.clerk, draft.id, { action: 'format_check', decision: 'return', comment: 'Sai thể thức' });
    expect(returned.status).toBe('drafting');
    await actOk(t.app, world.specialist, draft.id, { action: 'submit', reviewerIds: [] });
    const toSign = await actOk(t.app, world.clerk, draft.id, { action: 'format_check', decision: 'pass' });
    expect(toSign.status).toBe('to_sign');
    const asSigner = await t.app.inject({ method: 'GET', url: `/api/documents/${draft.id}`, headers: bearer(world.leader.token) });
    expect(asSigner.json().allowedActions).toEqual(expect.arrayContaining(['return']));
    const sentBack = await actOk(t.app, world.leader, draft.id, { action: 'return', comment: 'Viết lại đoạn 2' });
    expect(sentBack.status).toBe('drafting');
    const events = await t.db.selectFrom('document_events').select('action').where('document_id', '=', draft.id).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual(['create', 'submit', 'review', 'add_version', 'submit', 'review', 'format_check', 'submit', 'format_check', 'return']);
  });

  it('lists drafts, reviews, format checks and documents to sign in the right worklists', async () => {
    const signing = await outgoingToSign(t.app, world);
    const view = async (person: { token: string }, name: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/documents?view=${name}&pageSize=100`, headers: bearer(person.token) })).json().items.map((i: { id: number }) => i.id);
    expect(await view(world.leader, 'to_sign')).toContain(signing.id);
    expect(await view(world.specialist, 'my_drafts')).toContain(signing.id);
    expect(await view(world.officeLeader, 'to_sign')).not.toContain(signing.id);
    const counted = await t.app.inject({ method: 'GET', url: '/api/documents?view=to_sign&pageSize=0', headers: bearer(world.leader.token) });
    expect(counted.json().items).toEqual([]);
    expect(counted.json().total).toBeGreaterThanOrEqual(1);
  });

  it('lets an assigned handler draft the reply without document.draft, and nobody else', async () => {
    const incoming = await assignedIncoming(t.app, world);
    const reply = await draftOutgoing(t.app, world.specialist, world, { inReplyToId: incoming.id, typeCode: 'CV' });
    expect(reply.inReplyTo).toMatchObject({ id: incoming.id });
    const detail = await t.app.inject({ method: 'GET', url: `/api/documents/${incoming.id}`, headers: bearer(world.specialist.token) });
    expect(detail.json().replies).toMatchObject([{ id: reply.id }]);
    const outsider = await t.app.inject({ method: 'POST', url: '/api/documents/outgoing', headers: bearer(world.officeClerk.token), payload: outgoingBody(world, { inReplyToId: incoming.id }) });
    expect(outsider.statusCode).toBe(403);
  });

  it('refuses bad drafts with problem documents naming the field (vi and en)', async () => {
    const both = await t.app.inject({ method: 'POST', url: '/api/documents/outgoing', headers: bearer(world.specialist.token), payload: outgoingBody(world, { fileId: await uploadPdf(t.app, world.specialist) }) });
    expect(both.statusCode).toBe(400);
    expect(both.headers['content-type']).toContain('application/problem+json');
    expect(both.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/fileId' }] });
    const notSigner = await t.app.inject({ method: 'POST', url: '/api/documents/outgoing', headers: { ...bearer(world.specialist.token), 'accept-language': 'en' }, payload: outgoingBody(world, { signerUserId: world.clerk.id }) });
    expect(notSigner.statusCode).toBe(400);
    expect(notSigner.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/signerUserId', message: 'This official does not hold the needed right at the unit.' }] });
    const badType = await t.app.inject({ method: 'POST', url: '/api/documents/outgoing', headers: bearer(world.specialist.token), payload: outgoingBody(world, { typeCode: 'XX' }) });
    expect(badType.statusCode).toBe(400);
    expect(badType.json().errors[0].path).toBe('/typeCode');
    const noRight = await t.app.inject({ method: 'POST', url: '/api/documents/outgoing', headers: bearer(world.clerk.token), payload: outgoingBody(world) });
    expect(noRight.statusCode).toBe(403);
    expect(noRight.json().code).toBe('FORBIDDEN');
    const draft = await draftOutgoing(t.app, world.specialist, world);
    const noDecision = await act(t.app, world.specialist, draft.id, { action: 'comment' });
    expect(noDecision.statusCode).toBe(400);
    expect(noDecision.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/body' }] });
    const unknownField = await act(t.app, world.specialist, draft.id, { action: 'comment', body: 'x', extra: 1 });
    expect(unknownField.statusCode).toBe(400);
  });
});
