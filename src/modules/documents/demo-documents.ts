import { Readable } from 'node:stream';
import type { Actor } from '../../platform/auth/actor.js';
import { loadGrants } from '../../platform/auth/authenticate.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import { formatDayNumber, getDayNumber, localDateOf, VIETNAM_TIME_ZONE } from '../../platform/calendar/local-time.js';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/database/database.js';
import { createDocument, drawTitle, finishDocument, paragraph } from '../../platform/pdf/index.js';
import { createFileStore } from '../../platform/storage/create-file-store.js';
import { uploadFile } from '../files/upload-file.js';
import { actOnDocument } from './act-on-document.js';
import type { DocumentDeps } from './action-types.js';
import type { ActionBody, IncomingBody } from './documents.schema.js';
import { registerIncoming } from './register-incoming.js';
import { createOutgoing } from './create-outgoing.js';
import { hasUnitSeal } from '../signing/index.js';

/*
 * Demo documents for the Điện Biên demo (first start and `cqs seed demo`), made through the real use cases so each has
 * its book number, history and audit entries: the clerk's, the leader's and the handler's worklists are not empty.
 */

const JUSTICE = '000.00.05.H18';

async function demoActor(db: Db, username: string): Promise<Actor | undefined> {
  const user = await db.selectFrom('users').select(['id', 'username', 'full_name', 'kind', 'unit_id']).where('username', '=', username).executeTakeFirst();
  if (!user) return undefined;
  return {
    userId: Number(user.id),
    username: user.username,
    fullName: user.full_name,
    kind: 'official',
    unitId: user.unit_id === null ? null : Number(user.unit_id),
    grants: await loadGrants(db, Number(user.id)),
    session: { id: 'demo-seed', kind: 'token', csrfToken: null, expiresAt: new Date().toISOString() },
    mfaEnrolmentRequired: false,
  };
}

async function scannedPdf(title: string, lines: string[]): Promise<Buffer> {
  const doc = createDocument({ title });
  drawTitle(doc, title, 'Bản quét văn bản giấy — dữ liệu mẫu (demo scan)');
  for (const line of lines) paragraph(doc, line);
  return finishDocument(doc);
}

export async function seedDemoDocuments(db: Db, config: Config, context: AuditContext): Promise<number> {
  const existing = await db.selectFrom('documents').select('id').limit(1).executeTakeFirst();
  const justice = await db.selectFrom('units').select('id').where('code', '=', JUSTICE).executeTakeFirst();
  const clerk = await demoActor(db, 'vanthu');
  const leader = await demoActor(db, 'lanhdao');
  const specialist = await demoActor(db, 'chuyenvien');
  if (existing || !justice || !clerk || !leader || !specialist) return 0;
  const deps: DocumentDeps = { db, config, store: createFileStore(config) };
  const base = { context, language: 'vi' as const, idempotencyKey: undefined };
  const scan = async (title: string, lines: string[]) =>
    (await uploadFile({ db, store: deps.store, maxBytes: config.uploadMaxBytes }, clerk, context, { content: Readable.from(await scannedPdf(title, lines)), fileName: 'ban-quet.pdf' })).id;
  const register = async (body: Omit<IncomingBody, 'unitId' | 'mainFileId'>, lines: string[]) =>
    (await registerIncoming(deps, { ...base, actor: clerk, body: { ...body, unitId: Number(justice.id), mainFileId: await scan(body.subject, lines) } })).body;
  const act = async (actor: Actor, id: number, version: number, body: Omit<ActionBody, 'version'>) => (await actOnDocument(deps, { ...base, actor, id, body: { ...body, version } })).body;
  const today = localDateOf(new Date(), VIETNAM_TIME_ZONE);
  const inDays = (days: number) => formatDayNumber(getDayNumber(today) + days);

  // 1. Registered, waiting for the leader's assignment (lanhdao: "Chờ phân công").
  await register(
    { typeCode: 'CV', subject: 'Về việc báo cáo kết quả thực hiện công tác cải cách hành chính quý IV', codeNumber: '1520', codeNotation: 'UBND-KSTT', organName: 'UBND tỉnh Điện Biên', issuedDate: inDays(-3), urgency: 'normal', confidentiality: 'normal', dueDate: inDays(10) },
    ['Đề nghị các sở, ban, ngành báo cáo kết quả cải cách hành chính quý IV trước ngày 20 tháng cuối quý.'],
  );
  // 2. Assigned to the specialist with a deadline (chuyenvien: "Việc của tôi", the leader's follow-up list).
  const assigned = await register(
    { typeCode: 'KH', subject: 'Kế hoạch tuyên truyền, phổ biến pháp luật năm tới', codeNumber: '87', codeNotation: 'KH-SNV', organName: 'Sở Nội vụ', issuedDate: inDays(-5), urgency: 'khan', confidentiality: 'normal' },
    ['Sở Nội vụ đề nghị Sở Tư pháp phối hợp xây dựng kế hoạch tuyên truyền, phổ biến pháp luật.'],
  );
  await act(leader, assigned.id, assigned.version, { action: 'assign', leadUserId: specialist.userId, coordinatorUserIds: [], deadline: inDays(2), instructions: 'Giao Phòng Hành chính tư pháp chủ trì tham mưu, báo cáo trước hạn.' });
  // 3. With the demo signing credentials (signing module): Văn phòng UBND tỉnh issues a signed and sealed document to
  //    Sở Tư pháp, which arrives electronically and waits for vanthu to register it.
  const issued = await issueFromOffice(deps, base, Number(justice.id));
  return issued ? 4 : 2;
}

const OFFICE = '000.00.01.H18';

async function issueFromOffice(deps: DocumentDeps, base: { context: AuditContext; language: 'vi'; idempotencyKey: undefined }, justiceId: number): Promise<boolean> {
  const { db } = deps;
  const office = await db.selectFrom('units').select('id').where('code', '=', OFFICE).executeTakeFirst();
  const clerk = await demoActor(db, 'vanthu.vp');
  const chief = await demoActor(db, 'lanhdao.vp');
  if (!office || !clerk || !chief || !(await hasUnitSeal(db, Number(office.id)))) return false;
  const credential = await db.selectFrom('signing_credentials').select('id').where('owner_kind', '=', 'user').where('user_id', '=', chief.userId).where('status', '=', 'active').executeTakeFirst();
  if (!credential) return false;
  let doc = (
    await createOutgoing(deps, {
      ...base,
      actor: chief,
      body: {
        unitId: Number(office.id),
        typeCode: 'TB',
        subject: 'Thông báo kết luận của Chủ tịch UBND tỉnh tại buổi làm việc về chuyển đổi số',
        urgency: 'khan',
        confidentiality: 'normal',
        signerUserId: chief.userId,
        recipients: [{ unitId: justiceId }],
        body: 'Chủ tịch UBND tỉnh kết luận: các sở, ban, ngành đẩy mạnh xử lý văn bản điện tử, ký số trên môi trường mạng.\nGiao Sở Tư pháp rà soát quy trình nội bộ, báo cáo kết quả trước ngày 15 tháng tới.',
      },
    })
  ).body;
  const step = async (actor: Actor, body: Omit<ActionBody, 'version'>) => {
    doc = (await actOnDocument(deps, { ...base, actor, id: doc.id, body: { ...body, version: doc.version } })).body;
  };
  await step(chief, { action: 'submit', reviewerIds: [] });
  await step(clerk, { action: 'format_check', decision: 'pass' });
  await step(chief, { action: 'sign', credential: { kind: 'registered', id: Number(credential.id) } });
  await step(clerk, { action: 'issue' });
  return true;
}
