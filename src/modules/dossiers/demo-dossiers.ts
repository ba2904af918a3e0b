import { Readable } from 'node:stream';
import type { Actor } from '../../platform/auth/actor.js';
import { loadGrants } from '../../platform/auth/authenticate.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/database/database.js';
import { createDocument, drawTitle, finishDocument, paragraph } from '../../platform/pdf/index.js';
import { createFileStore } from '../../platform/storage/create-file-store.js';
import { uploadFile } from '../files/upload-file.js';
import { actOnDossier } from './act-on-dossier.js';
import type { ActionBody } from './dossiers.schema.js';
import { submitDossier } from './submit-dossier.js';
import { confirmGatewayPayment } from '../payments/gateway-ipn.js';
import { dueOrder, openAttempt } from '../payments/online-payment.js';
import { findDossier } from './dossiers.repository.js';

/*
 * Demo dossiers for the Điện Biên demo (first start and `cqs seed demo`), made through the real use cases so every
 * one has its history, audit entries, notices and deadlines: each office worklist has something in it at once.
 */

const LY_LICH = '2.000488';
const KHAI_SINH = '1.001193';
const COMMUNE = '000.01.50.H18';

async function demoActor(db: Db, username: string): Promise<Actor> {
  const user = await db.selectFrom('users').select(['id', 'username', 'full_name', 'kind', 'unit_id']).where('username', '=', username).executeTakeFirstOrThrow();
  return {
    userId: Number(user.id),
    username: user.username,
    fullName: user.full_name,
    kind: user.kind === 'citizen' ? 'citizen' : 'official',
    unitId: user.unit_id === null ? null : Number(user.unit_id),
    grants: await loadGrants(db, Number(user.id)),
    session: { id: 'demo-seed', kind: 'token', csrfToken: null, expiresAt: new Date().toISOString() },
    mfaEnrolmentRequired: false,
  };
}

async function samplePdf(title: string): Promise<Buffer> {
  const doc = createDocument({ title });
  drawTitle(doc, title, 'Tài liệu mẫu của dữ liệu thử nghiệm (demo document)');
  paragraph(doc, 'Tệp này được tạo tự động cho dữ liệu mẫu tỉnh Điện Biên; không có giá trị pháp lý.');
  return finishDocument(doc);
}

export async function seedDemoDossiers(db: Db, config: Config, context: AuditContext): Promise<number> {
  const store = createFileStore(config);
  const upload = async (actor: Actor, title: string, fileName: string) =>
    (await uploadFile({ db, store, maxBytes: config.uploadMaxBytes }, actor, context, { content: Readable.from(await samplePdf(title)), fileName })).id;
  const citizen = await demoActor(db, 'congdan');
  const officer = await demoActor(db, 'motcua');
  const specialist = await demoActor(db, 'chuyenvien');
  const communeOfficer = await demoActor(db, 'motcua.dbp');
  const communeSpecialist = await demoActor(db, 'tuphap.dbp');
  const communeLeader = await demoActor(db, 'chutich.dbp');
  const base = { context, language: 'vi' as const, idempotencyKey: undefined };
  const file = async (actor: Actor, body: Parameters<typeof submitDossier>[1]['body']) =>
    (await submitDossier(db, { ...base, actor, body, config })).body.code;
  const act = async (actor: Actor, code: string, body: ActionBody) => actOnDossier(db, { ...base, actor, code, body, publicUrl: config.publicUrl });
  // The fee paid online: an attempt as the portal opens it, confirmed through the same service as the gateway's IPN.
  let gatewayTransaction = 14_000_000;
  const payOnline = async (code: string) => {
    const attempt = await db.transaction().execute(async (tx) => {
      const row = (await findDossier(tx, code))!;
      return openAttempt(tx, await dueOrder(tx, row), row, citizen.userId, new Date(), config.payment.attemptMinutes);
    });
    const stored = await db.selectFrom('payment_attempts').selectAll().where('id', '=', attempt.id).executeTakeFirstOrThrow();
    gatewayTransaction += 1;
    await confirmGatewayPayment(db, { attempt: stored, transactionNo: String(gatewayTransaction), bankCode: 'NCB', paidAt: new Date(), responseCode: '00', context, publicUrl: config.publicUrl });
  };

  const lyLichForm = (name: string, id: string, purpose: string) => ({
    nguoiYeuCauHoTen: name,
    nguoiYeuCauSoDinhDanh: id,
    nguoiYeuCauNoiCuTru: 'Phường Mường Thanh, tỉnh Điện Biên',
    loaiPhieu: 'Phiếu số 1',
    mucDich: purpose,
    soLuongPhieu: 1,
  });
  const lyLichFiles = async (actor: Actor) => [
    { requirement: 'to_khai', fileId: await upload(actor, 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', 'to-khai-ly-lich-tu-phap.pdf') },
    { requirement: 'giay_to_tuy_than', fileId: await upload(actor, 'Căn cước', 'can-cuoc.pdf') },
  ];

  // 1. Filed online and paid through the gateway, waiting at the service centre's desk (motcua: "Chờ tiếp nhận").
  const waiting = await file(citizen, { procedureCode: LY_LICH, channel: 'online', form: lyLichForm('Lò Thị Thanh', '011190004217', 'Bổ sung hồ sơ xin việc'), attachments: await lyLichFiles(citizen) });
  await payOnline(waiting);

  // 2. Filed online, received and sent back for a supplement (congdan: "Bổ sung hồ sơ").
  const supplement = await file(citizen, {
    procedureCode: LY_LICH,
    channel: 'online',
    form: lyLichForm('Lò Thị Thanh', '011190004217', 'Đi du học'),
    attachments: await lyLichFiles(citizen),
  });
  await payOnline(supplement);
  await act(officer, supplement, { action: 'receive' });
  await act(officer, supplement, { action: 'forward' });
  await act(specialist, supplement, { action: 'request_supplement', items: ['Bản chụp Căn cước còn thời hạn sử dụng (bản đã nộp bị mờ)'] });

  // 3. Received at the counter with the fee paid in cash, at the specialist's desk (chuyenvien: "Cần xử lý").
  const counter = await file(officer, {
    procedureCode: LY_LICH,
    channel: 'counter',
    applicant: { fullName: 'Giàng A Páo', identityNumber: '011088002345', phone: '0912345678', address: 'Xã Mường Phăng, tỉnh Điện Biên' },
    form: lyLichForm('Giàng A Páo', '011088002345', 'Xin cấp giấy phép lái xe hạng C'),
    attachments: [],
    payment: { method: 'cash' },
  });
  await act(officer, counter, { action: 'forward', note: 'Hồ sơ đủ thành phần, chuyển thẩm định.' });

  // 4. A birth registration at the commune, filed online (motcua.dbp: "Chờ tiếp nhận").
  const birthForm = {
    nguoiYeuCauHoTen: 'Lò Thị Thanh',
    nguoiYeuCauSoDinhDanh: '011190004217',
    hoTenTre: 'Lò Minh Khang',
    ngaySinh: '2026-11-20',
    gioiTinh: 'Nam',
    danToc: 'Thái',
    noiSinh: 'Bệnh viện Đa khoa tỉnh Điện Biên',
    hoTenMe: 'Lò Thị Thanh',
    hoTenCha: 'Quàng Văn Minh',
  };
  const birthFiles = async (actor: Actor) => [
    { requirement: 'to_khai', fileId: await upload(actor, 'Tờ khai đăng ký khai sinh', 'to-khai-khai-sinh.pdf') },
    { requirement: 'giay_chung_sinh', fileId: await upload(actor, 'Giấy chứng sinh', 'giay-chung-sinh.pdf') },
    { requirement: 'giay_to_tuy_than', fileId: await upload(actor, 'Căn cước', 'can-cuoc-me.pdf') },
  ];
  await file(citizen, { procedureCode: KHAI_SINH, channel: 'online', unitCode: COMMUNE, form: birthForm, attachments: await birthFiles(citizen) });

  // 5. A birth registration taken all the way to its result, returned and ready to rate (congdan).
  const done = await file(citizen, { procedureCode: KHAI_SINH, channel: 'online', unitCode: COMMUNE, form: { ...birthForm, hoTenTre: 'Lò Thị Mai Anh', gioiTinh: 'Nữ' }, attachments: await birthFiles(citizen) });
  await act(communeOfficer, done, { action: 'receive' });
  await act(communeOfficer, done, { action: 'forward' });
  await act(communeSpecialist, done, { action: 'forward', note: 'Đã đối chiếu giấy chứng sinh.' });
  const result = await upload(communeLeader, 'Giấy khai sinh (bản điện tử)', 'giay-khai-sinh.pdf');
  await act(communeLeader, done, { action: 'approve', resultFileId: result });
  await act(communeOfficer, done, { action: 'return_result' });

  // 6. Filed online, the fee not paid yet (congdan: "Thanh toán trực tuyến" on the sandbox gateway).
  await file(citizen, { procedureCode: LY_LICH, channel: 'online', form: lyLichForm('Lò Thị Thanh', '011190004217', 'Bổ sung hồ sơ thi tuyển công chức'), attachments: await lyLichFiles(citizen) });
  return 6;
}
