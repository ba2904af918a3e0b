import type { App } from '../../src/app.js';
import type { Db } from '../../src/platform/database/database.js';
import type { RoleCode } from '../../src/platform/auth/roles.js';
import { createDocument, drawTitle, finishDocument, paragraph } from '../../src/platform/pdf/index.js';
import type { Config } from '../../src/platform/config.js';
import { describeCertificate, parseCertificateDer } from '../../src/modules/signing/certificate-info.js';
import { readPkcs12Certificate } from '../../src/modules/signing/pkcs12-signer.js';
import { openSecretBox } from '../../src/modules/signing/secret-box.js';
import { bearer, insertUnit, insertUser, multipartBody, sessionTokenFor } from './fixtures.js';
import { getTestPki, type TestIdentity } from './pki.js';

/*
 * Fixtures for official documents (issue 4): two units of one instance that exchange documents (Sở Tư pháp and
 * Văn phòng UBND tỉnh), each with a records clerk and a leader, plus Sở Tư pháp's division head, specialist and an
 * official of another department who must see nothing. Everything after the users goes through the real API.
 */

export interface DocPerson {
  id: number;
  username: string;
  fullName: string;
  token: string;
}

export interface DocumentsWorld {
  units: { province: number; office: number; justice: number; justiceOffice: number; finance: number };
  clerk: DocPerson;
  leader: DocPerson;
  head: DocPerson;
  specialist: DocPerson;
  officeClerk: DocPerson;
  officeLeader: DocPerson;
  outsider: DocPerson;
}

let worldCounter = 0;

export async function insertDocumentsWorld(db: Db): Promise<DocumentsWorld> {
  worldCounter += 1;
  const n = `${process.pid % 1000}${worldCounter}`;
  const province = await insertUnit(db, { code: `000.00.00.D${n}`, name: 'UBND tỉnh Điện Biên', shortName: 'UBND', type: 'province' });
  const office = await insertUnit(db, { code: `000.00.01.D${n}`, name: 'Văn phòng UBND tỉnh', shortName: 'VPUBND', parentId: province });
  const justice = await insertUnit(db, { code: `000.00.05.D${n}`, name: 'Sở Tư pháp', shortName: 'STP', parentId: province });
  const justiceOffice = await insertUnit(db, { code: `000.01.05.D${n}`, name: 'Văn phòng Sở Tư pháp', shortName: 'VP', type: 'division', parentId: justice });
  const finance = await insertUnit(db, { code: `000.00.07.D${n}`, name: 'Sở Tài chính', shortName: 'STC', parentId: province });
  const person = async (fullName: string, unitId: number, role: RoleCode, grantUnit: number, includeSubtree = true): Promise<DocPerson> => {
    const user = await insertUser(db, { fullName, unitId, roles: [{ role, unitId: grantUnit, includeSubtree }] });
    await db.updateTable('users').set({ title: TITLES[role] }).where('id', '=', user.id).execute();
    return { id: user.id, username: user.username, fullName, token: await sessionTokenFor(db, user) };
  };
  return {
    units: { province, office, justice, justiceOffice, finance },
    clerk: await person('Cà Thị Hương', justiceOffice, 'records_clerk', justice),
    leader: await person('Trần Quốc Khánh', justice, 'agency_leader', justice),
    head: await person('Lường Văn Dũng', justiceOffice, 'division_head', justice, false),
    specialist: await person('Nguyễn Thị Thu Hà', justiceOffice, 'specialist', justice),
    officeClerk: await person('Lò Thị Phương', office, 'records_clerk', office),
    officeLeader: await person('Mùa A Sử', office, 'agency_leader', office),
    outsider: await person('Vì Văn Sơn', finance, 'agency_leader', finance),
  };
}

const TITLES: Partial<Record<RoleCode, string>> = {
  records_clerk: 'Văn thư',
  agency_leader: 'Giám đốc',
  division_head: 'Trưởng phòng',
  specialist: 'Chuyên viên',
};

export async function samplePdf(title = 'Văn bản mẫu'): Promise<Buffer> {
  const doc = createDocument({ title, creationDate: new Date('2026-01-05T02:00:00Z') });
  drawTitle(doc, title);
  paragraph(doc, 'Nội dung văn bản dùng cho kiểm thử.');
  return finishDocument(doc);
}

/** Uploads a PDF through POST /api/files as the person and returns the file id. */
export async function uploadPdf(app: App, person: Pick<DocPerson, 'token'>, title?: string, content?: Buffer): Promise<string> {
  const body = await multipartBody({ file: { content: content ?? (await samplePdf(title)), fileName: 'van-ban.pdf', type: 'application/pdf' } });
  const response = await app.inject({ method: 'POST', url: '/api/files', payload: body.payload, headers: { ...body.headers, ...bearer(person.token) } });
  if (response.statusCode !== 201) throw new Error(`upload: ${response.statusCode} ${response.body}`);
  return response.json().id;
}

let codeCounter = 0;

/** A valid body for POST /api/documents/incoming (a scanned paper document); override any field. */
export async function incomingBody(app: App, world: DocumentsWorld, overrides: Record<string, unknown> = {}) {
  codeCounter += 1;
  return {
    unitId: world.units.justice,
    typeCode: 'CV',
    subject: 'Về việc triển khai chuyển đổi số năm 2026',
    codeNumber: String(100 + codeCounter),
    codeNotation: 'UBND-KSTT',
    organName: 'UBND tỉnh Điện Biên',
    issuedDate: '2026-01-05',
    urgency: 'normal',
    confidentiality: 'normal',
    mainFileId: await uploadPdf(app, world.clerk),
    ...overrides,
  };
}

/** Registers a scanned incoming document at Sở Tư pháp as its clerk; returns the DocumentDetail. */
export async function registerIncomingDocument(app: App, world: DocumentsWorld, overrides: Record<string, unknown> = {}) {
  const response = await app.inject({ method: 'POST', url: '/api/documents/incoming', headers: bearer(world.clerk.token), payload: await incomingBody(app, world, overrides) });
  if (response.statusCode !== 201) throw new Error(`register incoming: ${response.statusCode} ${response.body}`);
  return response.json();
}

export async function getDocumentAs(app: App, person: Pick<DocPerson, 'token'>, id: number) {
  return app.inject({ method: 'GET', url: `/api/documents/${id}`, headers: bearer(person.token) });
}

/** POST /api/documents/{id}/actions with the document's current version read first (as the same person). */
export async function act(app: App, person: Pick<DocPerson, 'token'>, id: number, body: Record<string, unknown>) {
  const current = await getDocumentAs(app, person, id);
  const version = current.statusCode === 200 ? current.json().version : 1;
  return app.inject({ method: 'POST', url: `/api/documents/${id}/actions`, headers: bearer(person.token), payload: { version, ...body } });
}

/** Like `act`, but throws unless it succeeds; returns the DocumentDetail. */
export async function actOk(app: App, person: Pick<DocPerson, 'token'>, id: number, body: Record<string, unknown>) {
  const response = await act(app, person, id, body);
  if (response.statusCode !== 200) throw new Error(`${String(body.action)}: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** An incoming document registered and assigned by the leader to the specialist (lead) with a deadline. */
export async function assignedIncoming(app: App, world: DocumentsWorld, deadline = '2099-12-31', overrides: Record<string, unknown> = {}) {
  const doc = await registerIncomingDocument(app, world, overrides);
  return actOk(app, world.leader, doc.id, { action: 'assign', leadUserId: world.specialist.id, coordinatorUserIds: [world.head.id], deadline, instructions: 'Đề nghị tham mưu trả lời' });
}

/** A valid body for POST /api/documents/outgoing drafted at Sở Tư pháp, signed by the leader, to Văn phòng UBND tỉnh. */
export function outgoingBody(world: DocumentsWorld, overrides: Record<string, unknown> = {}) {
  return {
    unitId: world.units.justice,
    typeCode: 'QD',
    subject: 'Quyết định ban hành kế hoạch chuyển đổi số năm 2026',
    urgency: 'normal',
    confidentiality: 'normal',
    signerUserId: world.leader.id,
    recipients: [{ unitId: world.units.office }],
    body: 'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2026.\nĐiều 2. Quyết định có hiệu lực kể từ ngày ký.',
    ...overrides,
  };
}

export async function draftOutgoing(app: App, drafter: Pick<DocPerson, 'token'>, world: DocumentsWorld, overrides: Record<string, unknown> = {}) {
  const response = await app.inject({ method: 'POST', url: '/api/documents/outgoing', headers: bearer(drafter.token), payload: outgoingBody(world, overrides) });
  if (response.statusCode !== 201) throw new Error(`draft outgoing: ${response.statusCode} ${response.body}`);
  return response.json();
}

/**
 * An outgoing document run to `to_sign`: drafted by the specialist, reviewed and approved by the division head, passed
 * by the clerk's format check. Returns the DocumentDetail at to_sign.
 */
export async function outgoingToSign(app: App, world: DocumentsWorld, overrides: Record<string, unknown> = {}) {
  const draft = await draftOutgoing(app, world.specialist, world, overrides);
  await actOk(app, world.specialist, draft.id, { action: 'submit', reviewerIds: [world.head.id] });
  await actOk(app, world.head, draft.id, { action: 'review', decision: 'approve' });
  return actOk(app, world.clerk, draft.id, { action: 'format_check', decision: 'pass' });
}

/**
 * Signing credentials for the documents world, written straight into the tables as the administrator's registration
 * would leave them (keys encrypted with the instance's secret box): the test PKI's root in the trust list, a personal
 * credential for each leader, and the seals of Sở Tư pháp and Văn phòng UBND tỉnh. Returns the leaders' credential ids.
 */
export async function insertSigningCredentials(db: Db, config: Config, world: DocumentsWorld): Promise<{ leader: number; officeLeader: number }> {
  const pki = getTestPki();
  const at = new Date().toISOString();
  const root = readCertificateInfo(pki.root.certificateDer);
  await db
    .insertInto('signing_trust_anchors')
    .values({ label: 'CA kiểm thử', subject: root.subject, issuer: root.issuer, serial: root.serial, not_before: root.notBefore.toISOString(), not_after: root.notAfter.toISOString(), fingerprint_sha256: root.fingerprintSha256, certificate_der: pki.root.certificateDer.toString('base64'), status: 'active', created_by: null, created_at: at })
    .onConflict((oc) => oc.column('fingerprint_sha256').doNothing())
    .execute();
  const insert = (identity: TestIdentity, owner: { userId?: number; unitId?: number }) => insertCredential(db, config, identity, owner);
  const leader = await insert(pki.signer, { userId: world.leader.id });
  const officeLeader = await insert(pki.signer, { userId: world.officeLeader.id });
  await insert(pki.seal, { unitId: world.units.justice });
  await insert(pki.seal, { unitId: world.units.office });
  return { leader, officeLeader };
}

function readCertificateInfo(der: Buffer) {
  return describeCertificate(parseCertificateDer(der), der);
}

/** One registered signing credential (a person's, or a unit's seal) as the administrator's registration stores it. */
export async function insertCredential(db: Db, config: Config, identity: TestIdentity, owner: { userId?: number; unitId?: number }): Promise<number> {
  const box = openSecretBox(config);
  const info = readPkcs12Certificate(identity.p12, identity.passphrase);
  const row = await db
    .insertInto('signing_credentials')
    .values({
      owner_kind: owner.unitId !== undefined ? 'unit_seal' : 'user',
      user_id: owner.userId ?? null,
      unit_id: owner.unitId ?? null,
      label: identity.commonName,
      subject_name: info.commonName,
      organisation: info.organisation,
      issuer_name: info.issuer,
      serial: info.serial,
      not_before: info.notBefore.toISOString(),
      not_after: info.notAfter.toISOString(),
      fingerprint_sha256: info.fingerprintSha256,
      p12_encrypted: box.encrypt(identity.p12),
      passphrase_encrypted: box.encrypt(identity.passphrase),
      status: 'active',
      created_by: null,
      created_at: new Date().toISOString(),
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}
