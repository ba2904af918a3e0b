import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { DIALECTS } from '../../../../test/support/databases.js';
import { bearer, insertUser, sessionTokenFor } from '../../../../test/support/fixtures.js';
import { actOk, insertDocumentsWorld, insertSigningCredentials, outgoingToSign, type DocumentsWorld } from '../../../../test/support/documents.js';
import { getTestPki } from '../../../../test/support/pki.js';
import { parseCertificateDer } from '../../signing/certificate-info.js';
import { verifyPdf } from '../../signing/index.js';
import { expectProblem } from '../../../../test/support/one-stop.js';
import { createOutboxWorker } from '../../../platform/outbox/start-worker.js';
import { parsePackageXml } from './exchange-package.js';
import { signedHeaders } from './message-signature.js';

const SECRET = 'bí-mật-dùng-chung-giữa-hai-hệ-thống-2026';
const silent = { info() {}, warn() {}, error() {} };

interface Instance {
  t: TestApp;
  world: DocumentsWorld;
  url: string;
  admin: string;
  provinceCode: string;
  justiceCode: string;
}

async function startInstance(dialect: (typeof DIALECTS)[number]): Promise<Instance> {
  const t = await createTestApp(dialect);
  const world = await insertDocumentsWorld(t.db);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const admin = await insertUser(t.db, { roles: [{ role: 'admin', unitId: world.units.province, includeSubtree: true }], withTotp: true });
  const code = async (id: number) => (await t.db.selectFrom('units').select('code').where('id', '=', id).executeTakeFirstOrThrow()).code;
  return {
    t,
    world,
    url: `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`,
    admin: await sessionTokenFor(t.db, admin),
    provinceCode: await code(world.units.province),
    justiceCode: await code(world.units.justice),
  };
}

/** Drives an instance's outbox as its server's worker would (the real handlers, the real HTTP between the two). */
const runOutbox = (instance: Instance) => createOutboxWorker(instance.t.db, instance.t.config, silent).runOnce();

describe.each(DIALECTS)('document exchange between two running instances on %s', (dialect) => {
  let a: Instance;
  let b: Instance;
  let sentId: number;
  let receivedId: number;

  // Two whole instances (migrations, worlds) start here: allow for a machine shared with other runs.
  beforeAll(async () => {
    a = await startInstance(dialect);
    b = await startInstance(dialect);
  }, 180_000);
  afterAll(async () => {
    await a?.t.close();
    await b?.t.close();
  });

  const addPeer = (on: Instance, other: Instance, overrides: Record<string, unknown> = {}) =>
    on.t.app.inject({
      method: 'POST',
      url: '/api/exchange/peers',
      headers: bearer(on.admin),
      payload: { organId: other.provinceCode, name: 'UBND tỉnh Lai Châu', baseUrl: other.url, secret: SECRET, hostedOrganIds: [other.justiceCode], ...overrides },
    });
  const recipientOnA = () => a.t.db.selectFrom('document_recipients').selectAll().where('document_id', '=', sentId).executeTakeFirstOrThrow();
  const documentsOnB = () => b.t.db.selectFrom('documents').selectAll().where('source_peer', '=', a.provinceCode).execute();

  it('lets the administrator register each instance as the other’s peer, secret kept out of answers and audit', async () => {
    const onA = await addPeer(a, b);
    expect(onA.statusCode, onA.body).toBe(201);
    expect(onA.json()).toMatchObject({ organId: b.provinceCode, hostedOrganIds: [b.justiceCode], baseUrl: b.url, status: 'active' });
    expect(onA.body).not.toContain(SECRET);
    expect((await addPeer(b, a)).statusCode).toBe(201);
    const list = await a.t.app.inject({ method: 'GET', url: '/api/exchange/peers', headers: bearer(a.admin) });
    expect(list.json().items.map((p: { organId: string }) => p.organId)).toEqual([b.provinceCode]);
    const audit = await a.t.db.selectFrom('audit_log').select('summary').where('action', '=', 'exchange.peer.add').executeTakeFirstOrThrow();
    expect(audit.summary).not.toContain(SECRET);
  });

  it('refuses a second peer for the same organ, bad input and anyone but the administrator', async () => {
    expectProblem(await addPeer(a, b), 409, 'EXCHANGE_PEER_EXISTS');
    const short = expectProblem(await addPeer(a, b, { organId: 'X1', secret: 'ngắn' }), 400, 'VALIDATION_FAILED');
    expect(short.errors.map((e: { path: string }) => e.path)).toContain('/secret');
    const url = expectProblem(await addPeer(a, b, { organId: 'X2', baseUrl: 'ftp://x' }), 400, 'VALIDATION_FAILED');
    expect(url.errors.map((e: { path: string }) => e.path)).toContain('/baseUrl');
    expectProblem(await a.t.app.inject({ method: 'GET', url: '/api/exchange/peers', headers: bearer(a.world.clerk.token) }), 403, 'FORBIDDEN');
    expectProblem(await a.t.app.inject({ method: 'DELETE', url: '/api/exchange/peers/999', headers: bearer(a.admin) }), 404, 'NOT_FOUND');
  });

  it('issues on A and delivers to B: a received document at B’s Sở Tư pháp, A’s recipient sent', { timeout: 90_000 }, async () => {
    const credentials = await insertSigningCredentials(a.t.db, a.t.config, a.world);
    const toSign = await outgoingToSign(a.t.app, a.world, {
      subject: 'Quyết định về việc phối hợp quản lý đất đai vùng giáp ranh',
      recipients: [{ organId: b.justiceCode, name: 'Sở Tư pháp tỉnh Lai Châu' }],
    });
    sentId = toSign.id;
    await actOk(a.t.app, a.world.leader, sentId, { action: 'sign', credential: { kind: 'registered', id: credentials.leader } });
    const issued = await actOk(a.t.app, a.world.clerk, sentId, { action: 'issue' });
    expect(issued.recipients).toMatchObject([{ unitId: null, organId: b.justiceCode, status: 'pending' }]);
    // The run also indexes the PDF text of each version (document.index jobs); the delivery is one job.
    expect(await runOutbox(a)).toMatchObject({ failed: 0 });
    const deliveries = await a.t.db.selectFrom('outbox').select('status').where('topic', '=', 'document.deliver').execute();
    expect(deliveries.map((job) => job.status)).toEqual(['done']);

    expect(await recipientOnA()).toMatchObject({ status: 'sent', organ_id: b.justiceCode });
    const [copy] = await documentsOnB();
    receivedId = Number(copy.id);
    expect(copy).toMatchObject({
      direction: 'incoming',
      status: 'received',
      unit_id: b.world.units.justice,
      code_number: issued.metadata.CodeNumber,
      code_notation: 'QĐ-STP',
      organ_id: a.justiceCode,
      organ_name: 'Sở Tư pháp',
      subject: 'Quyết định về việc phối hợp quản lý đất đai vùng giáp ranh',
    });
    expect(JSON.parse(copy.trace_header).map((h: { organId: string }) => h.organId)).toEqual([a.justiceCode, b.justiceCode]);
    const sent = await a.t.db.selectFrom('documents').innerJoin('files', 'files.id', 'documents.main_file_id').select('files.sha256').where('documents.id', '=', sentId).executeTakeFirstOrThrow();
    const got = await b.t.db.selectFrom('files').select('sha256').where('id', '=', copy.main_file_id!).executeTakeFirstOrThrow();
    expect(got.sha256).toBe(sent.sha256);
    const detail = await b.t.app.inject({ method: 'GET', url: `/api/documents/${receivedId}`, headers: bearer(b.world.clerk.token) });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({ status: 'received', numberNotation: issued.numberNotation });
    // The signed PDF arrives whole: the signer's and the seal's signatures still verify on B.
    const pdf = (await b.t.app.inject({ method: 'GET', url: detail.json().mainFile.url, headers: bearer(b.world.clerk.token) })).rawPayload;
    const reports = await verifyPdf(pdf, [parseCertificateDer(getTestPki().root.certificateDer)]);
    expect(reports.map((r) => [r.intact, r.trusted])).toEqual([[true, true], [true, true]]);
    expect(await b.t.db.selectFrom('audit_log').select('action').where('action', '=', 'document.receive').where('entity_id', '=', String(receivedId)).execute()).toHaveLength(1);
    expect(await a.t.db.selectFrom('audit_log').select('action').where('action', '=', 'document.deliver.sent').where('entity_id', '=', String(sentId)).execute()).toHaveLength(1);
  });

  it('accepts the same package again without a second document (a retried delivery)', async () => {
    const xml = (await a.t.app.inject({ method: 'GET', url: `/api/documents/${sentId}/package`, headers: bearer(a.world.clerk.token) })).body;
    const again = await fetch(`${b.url}/api/exchange/inbox`, { method: 'POST', headers: signedHeaders(a.justiceCode, SECRET, xml), body: xml });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: 'received', documentId: receivedId });
    expect(await documentsOnB()).toHaveLength(1);
  });

  it('reports registered, assigned and done on B back to A’s recipient row', async () => {
    await actOk(b.t.app, b.world.clerk, receivedId, { action: 'register' });
    await runOutbox(b);
    expect((await recipientOnA()).status).toBe('received');
    await actOk(b.t.app, b.world.leader, receivedId, { action: 'assign', leadUserId: b.world.specialist.id, coordinatorUserIds: [], deadline: '2099-12-31' });
    await runOutbox(b);
    expect((await recipientOnA()).status).toBe('assigned');
    await actOk(b.t.app, b.world.specialist, receivedId, { action: 'complete', note: 'Đã xử lý' });
    await runOutbox(b);
    expect((await recipientOnA()).status).toBe('done');
    const statuses = await a.t.db.selectFrom('audit_log').select('summary').where('action', '=', 'document.recipient_status').where('entity_id', '=', String(sentId)).orderBy('seq').execute();
    expect(statuses.map((s) => JSON.parse(s.summary!).to)).toEqual(['received', 'assigned', 'done']);
  });

  it('recalls B’s copy when A recalls the document', async () => {
    await actOk(a.t.app, a.world.clerk, sentId, { action: 'recall', reason: 'Sai thẩm quyền ban hành' });
    expect(await runOutbox(a)).toMatchObject({ done: 1 });
    const copy = await b.t.db.selectFrom('documents').selectAll().where('id', '=', receivedId).executeTakeFirstOrThrow();
    expect(copy).toMatchObject({ status: 'recalled', recall_reason: 'Sai thẩm quyền ban hành' });
    expect(await b.t.db.selectFrom('audit_log').select('action').where('action', '=', 'document.recalled_by_sender').where('entity_id', '=', String(receivedId)).execute()).toHaveLength(1);
  });

  it('gives the package as XML with From/To, Appendix VI metadata, the trace and the signed PDF first; 404 to others', async () => {
    const response = await a.t.app.inject({ method: 'GET', url: `/api/documents/${sentId}/package`, headers: bearer(a.world.clerk.token) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/xml');
    const pkg = parsePackageXml(response.body);
    expect(pkg.from).toEqual({ organId: a.justiceCode, organName: 'Sở Tư pháp' });
    expect(pkg.to).toEqual([{ organId: b.justiceCode, organName: 'Sở Tư pháp tỉnh Lai Châu' }]);
    expect(pkg.metadata).toMatchObject({ CodeNotation: 'QĐ-STP', TypeName: 'Quyết định', Subject: 'Quyết định về việc phối hợp quản lý đất đai vùng giáp ranh' });
    expect(pkg.files[0].mediaType).toBe('application/pdf');
    expect(pkg.files[0].content.subarray(0, 5).toString()).toBe('%PDF-');
    expectProblem(await a.t.app.inject({ method: 'GET', url: `/api/documents/${sentId}/package`, headers: bearer(a.world.outsider.token) }), 404, 'NOT_FOUND');
  });

  it('refuses unsigned, forged, stale, damaged and misaddressed messages', async () => {
    const xml = (await a.t.app.inject({ method: 'GET', url: `/api/documents/${sentId}/package`, headers: bearer(a.world.clerk.token) })).body;
    const post = (path: string, headers: Record<string, string>, body: string) => b.t.app.inject({ method: 'POST', url: path, headers, payload: body });
    expectProblem(await post('/api/exchange/inbox', { 'content-type': 'application/xml' }, xml), 401, 'EXCHANGE_UNAUTHENTICATED');
    expectProblem(await post('/api/exchange/inbox', signedHeaders(a.justiceCode, 'một-khóa-khác-hoàn-toàn-không-đúng-0000', xml), xml), 401, 'EXCHANGE_UNAUTHENTICATED');
    expectProblem(await post('/api/exchange/inbox', signedHeaders(a.justiceCode, SECRET, xml, Date.now() - 10 * 60_000), xml), 401, 'EXCHANGE_UNAUTHENTICATED');
    const damaged = xml.replace(/<Sha256>[0-9a-f]{64}<\/Sha256>/, `<Sha256>${'0'.repeat(64)}</Sha256>`);
    expect(expectProblem(await post('/api/exchange/inbox', signedHeaders(a.justiceCode, SECRET, damaged), damaged), 422, 'EXCHANGE_PACKAGE_INVALID').detail).toContain('Sha256');
    const elsewhere = xml.replaceAll(b.justiceCode, '000.00.99.H29');
    expectProblem(await post('/api/exchange/inbox', signedHeaders(a.justiceCode, SECRET, elsewhere), elsewhere), 422, 'EXCHANGE_RECIPIENT_UNKNOWN');
    expectProblem(await post('/api/exchange/inbox', signedHeaders(a.justiceCode, SECRET, '<edXML>'), '<edXML>'), 422, 'EXCHANGE_PACKAGE_INVALID');
    // A peer reports statuses only for the organisations it signs as.
    const status = `<Status><DocumentId>x</DocumentId><OrganId>${a.justiceCode}</OrganId><Code>done</Code><Timestamp>t</Timestamp></Status>`;
    expectProblem(await a.t.app.inject({ method: 'POST', url: '/api/exchange/status', headers: signedHeaders(b.justiceCode, SECRET, status), payload: status }), 401, 'EXCHANGE_UNAUTHENTICATED');
    expect(await documentsOnB()).toHaveLength(1);
  });
});
