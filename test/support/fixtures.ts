import { authenticator } from 'otplib';
import type { App } from '../../src/app.js';
import type { Db } from '../../src/platform/database/database.js';
import { hashPassword } from '../../src/platform/auth/password.js';
import type { RoleCode } from '../../src/platform/auth/roles.js';
import { searchTextOf } from '../../src/modules/users/users.repository.js';

export const TEST_PASSWORD = 'Mật-khẩu-thử-nghiệm-2026';

const now = () => new Date().toISOString();

export async function insertUnit(
  db: Db,
  unit: { code: string; name: string; shortName?: string; type?: string; parentId?: number | null },
): Promise<number> {
  const row = await db
    .insertInto('units')
    .values({
      code: unit.code,
      name: unit.name,
      short_name: unit.shortName ?? unit.name,
      type: unit.type ?? 'department',
      parent_id: unit.parentId ?? null,
      status: 'active',
      merged_into_id: null,
      created_at: now(),
      updated_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** The two-level tree most tests need: a province with two departments. */
export async function insertProvinceTree(db: Db) {
  const province = await insertUnit(db, { code: '000.00.00.H18', name: 'UBND tỉnh Điện Biên', shortName: 'UBND', type: 'province' });
  const justice = await insertUnit(db, { code: '000.00.05.H18', name: 'Sở Tư pháp', shortName: 'STP', parentId: province });
  const finance = await insertUnit(db, { code: '000.00.07.H18', name: 'Sở Tài chính', shortName: 'STC', parentId: province });
  return { province, justice, finance };
}

export interface TestUser {
  id: number;
  username: string;
  password: string;
  totpSecret?: string;
}

let counter = 0;

export async function insertUser(
  db: Db,
  options: {
    username?: string;
    kind?: 'official' | 'citizen';
    unitId?: number | null;
    roles?: { role: RoleCode; unitId: number | null; includeSubtree?: boolean }[];
    withTotp?: boolean;
    status?: 'active' | 'disabled';
    identityNumber?: string;
    fullName?: string;
  } = {},
): Promise<TestUser> {
  counter += 1;
  const username = options.username ?? `user${process.pid}x${counter}`;
  const totpSecret = options.withTotp ? authenticator.generateSecret() : undefined;
  const row = await db
    .insertInto('users')
    .values({
      username,
      full_name: options.fullName ?? `Người dùng ${counter}`,
      search_text: searchTextOf(options.fullName ?? `Người dùng ${counter}`, username),
      email: `${username}@example.test`,
      phone: null,
      kind: options.kind ?? 'official',
      identity_number: options.identityNumber ?? null,
      unit_id: options.unitId ?? null,
      title: null,
      password_hash: await testPasswordHash(),
      password_changed_at: now(),
      status: options.status ?? 'active',
      totp_secret: totpSecret ?? null,
      totp_pending_secret: null,
      totp_enabled: totpSecret ? 1 : 0,
      failed_logins: 0,
      locked_until: null,
      oidc_issuer: null,
      oidc_subject: null,
      last_login_at: null,
      created_at: now(),
      updated_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  for (const grant of options.roles ?? []) {
    await db
      .insertInto('role_grants')
      .values({
        user_id: id,
        role: grant.role,
        unit_id: grant.unitId,
        include_subtree: grant.includeSubtree ? 1 : 0,
        created_at: now(),
        created_by: null,
      })
      .execute();
  }
  return { id, username, password: TEST_PASSWORD, totpSecret };
}

/**
 * A fresh one-time code for a test user. Codes are accepted once per 30 s step (RFC 6238 §5.2), and tests sign
 * the same user in several times a minute: forgetting the last accepted step stands in for waiting for the next one.
 */
async function freshOtp(app: App, user: TestUser): Promise<{ otp?: string }> {
  if (!user.totpSecret) return {};
  await app.ctx.db.updateTable('users').set({ totp_last_step: null }).where('id', '=', user.id).execute();
  return { otp: authenticator.generate(user.totpSecret) };
}

/** A bearer token for the user through the real POST /api/auth/token endpoint. */
export async function tokenFor(app: App, user: TestUser): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/token',
    payload: {
      username: user.username,
      password: user.password,
      ...(await freshOtp(app, user)),
    },
  });
  if (response.statusCode !== 200) throw new Error(`token for ${user.username}: ${response.statusCode} ${response.body}`);
  return response.json().accessToken;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * A bearer token written straight into the sessions table, for tests that are not about signing in
 * (no password hashing or OTP round trip). `tokenFor` goes through the real endpoint instead.
 */
export async function sessionTokenFor(db: Db, user: Pick<TestUser, 'id'>): Promise<string> {
  const { createSession, SessionKind } = await import('../../src/platform/auth/sessions.js');
  const session = await createSession(db, {
    userId: user.id,
    kind: SessionKind.Token,
    mfaVerified: true,
    ip: null,
    userAgent: null,
    ttlMs: 60 * 60_000,
  });
  return session.secret;
}

export interface BrowserSession {
  /** Value for the `cookie` request header. */
  cookie: string;
  csrfToken: string;
  /** Headers for a cookie-authenticated write: the cookie and the matching `x-csrf-token`. */
  headers: { cookie: string; 'x-csrf-token': string };
}

/** A browser session for the user through the real POST /api/auth/login (cookie + CSRF token). */
export async function browserSessionFor(app: App, user: TestUser): Promise<BrowserSession> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: {
      username: user.username,
      password: user.password,
      ...(await freshOtp(app, user)),
    },
  });
  if (response.statusCode !== 200) throw new Error(`login for ${user.username}: ${response.statusCode} ${response.body}`);
  const session = response.cookies.find((c) => c.name === 'cqs_session');
  if (!session) throw new Error(`login for ${user.username}: no session cookie`);
  const cookie = `cqs_session=${session.value}`;
  const csrfToken: string = response.json().csrfToken;
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}

/**
 * A valid procedure document (procedure catalogue, modules/procedures) for tests; override any top-level part.
 * Kept small: one requirement, one fee, a two-field form and a three-step workflow that fits in 5 working days.
 */
export function sampleProcedure(code: string, overrides: Record<string, unknown> = {}): any {
  return {
    code,
    name: 'Đăng ký khai sinh',
    field: 'Hộ tịch',
    level: 'commune',
    competentUnitCodes: ['000.00.00.H18'],
    onlineLevel: 'toan_trinh',
    processingTime: { amount: 5, unit: 'working_days' },
    fees: [{ code: 'le_phi', name: 'Lệ phí', amountVnd: 8000 }],
    requirements: [
      { code: 'to_khai', name: 'Tờ khai theo mẫu', originals: 1, copies: 0, mandatory: true, fromDataStore: false },
    ],
    form: {
      schema: {
        type: 'object',
        required: ['hoTen', 'ngaySinh'],
        properties: {
          hoTen: { type: 'string', title: 'Họ và tên', minLength: 2 },
          ngaySinh: { type: 'string', title: 'Ngày sinh', format: 'date' },
        },
        additionalProperties: false,
      },
    },
    result: { type: 'both', name: 'Văn bản giải quyết' },
    legalBasis: ['Luật Hộ tịch 2014'],
    workflow: {
      steps: [
        { code: 'tiep_nhan', name: 'Tiếp nhận', role: 'one_stop_officer', budget: { amount: 4, unit: 'working_hours' } },
        { code: 'tham_dinh', name: 'Thẩm định', role: 'specialist', budget: { amount: 3, unit: 'working_days' } },
        { code: 'phe_duyet', name: 'Phê duyệt', role: 'agency_leader', budget: { amount: 1, unit: 'working_days' } },
      ],
      transitions: [
        { from: 'tiep_nhan', action: 'forward', to: 'tham_dinh' },
        { from: 'tham_dinh', action: 'forward', to: 'phe_duyet' },
        { from: 'phe_duyet', action: 'return', to: 'tham_dinh' },
      ],
    },
    ...overrides,
  };
}

/**
 * A real multipart/form-data body (as a browser sends it) for `app.inject`: FormData serialised by the
 * platform's own Request, so boundaries and part headers are exactly what clients produce.
 */
export async function multipartBody(
  parts: Record<string, string | { content: Uint8Array; fileName: string; type?: string }>,
): Promise<{ payload: Buffer; headers: { 'content-type': string } }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(parts)) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, new Blob([new Uint8Array(value.content)], { type: value.type ?? 'application/octet-stream' }), value.fileName);
  }
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type')! } };
}

let paymentCounter = 0;

export interface FixturePayment {
  paymentId: number;
  orderId: number;
  attemptId: number | null;
  dossierId: number;
  dossierCode: string;
  txnRef: string | null;
}

/**
 * A paid dossier written straight into the tables (dossier, order, for the gateway an attempt, payment), for tests of
 * what is done with money already received — reconciliation, refunds, reports — not of how it is received.
 */
export async function insertPayment(
  db: Db,
  payment: {
    /** The receiving unit that issues the receipt. */
    unitId: number;
    amountVnd: number;
    paidAt: string;
    channel?: 'gateway' | 'cash' | 'bank_transfer';
    status?: 'valid' | 'duplicate';
    procedureCode?: string;
    procedureName?: string;
    txnRef?: string;
  },
): Promise<FixturePayment> {
  paymentCounter += 1;
  const n = paymentCounter;
  const channel = payment.channel ?? 'gateway';
  const code = `FX-${process.pid}-${n}`;
  const at = payment.paidAt;
  const procedureCode = payment.procedureCode ?? '1.004222';
  const procedureName = payment.procedureName ?? 'Đăng ký thường trú';
  const known = await db.selectFrom('procedures').select('code').where('code', '=', procedureCode).executeTakeFirst();
  if (!known) {
    const { importCatalogue } = await import('../../src/modules/procedures/procedures.service.js');
    const system = { actorId: null, actorUsername: 'test', ip: null, requestId: null };
    await importCatalogue(db, system, 'system', [sampleProcedure(procedureCode, { name: procedureName })], 'vi');
  }
  const dossier = await db
    .insertInto('dossiers')
    .values({
      code,
      procedure_code: procedureCode,
      procedure_version: 1,
      procedure_name: procedureName,
      channel: channel === 'gateway' ? 'online' : 'counter',
      status: 'submitted',
      unit_id: payment.unitId,
      receiving_unit_id: payment.unitId,
      owner_user_id: null,
      applicant: JSON.stringify({ fullName: 'Người nộp thử', identityNumber: null, phone: null, email: null, address: null }),
      applicant_name: 'Người nộp thử',
      applicant_identity: null,
      search_text: code.toLowerCase(),
      form: '{}',
      current_step: null,
      current_role: null,
      current_unit_id: null,
      step_started_at: null,
      step_due_at: null,
      submitted_at: at,
      received_at: null,
      due_at: null,
      original_due_at: null,
      paused_at: null,
      resume_status: null,
      resume_step: null,
      supplement_count: 0,
      finished_at: null,
      returned_at: null,
      outcome: null,
      result_file_id: null,
      timeliness: null,
      last_seq: 0,
      created_by: null,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const dossierId = Number(dossier.id);
  const order = await db
    .insertInto('payment_orders')
    .values({ dossier_id: dossierId, amount_vnd: payment.amountVnd, lines: '[]', status: 'paid', created_at: at, paid_at: at, cancelled_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const orderId = Number(order.id);
  let attemptId: number | null = null;
  let txnRef: string | null = null;
  if (channel === 'gateway') {
    txnRef = payment.txnRef ?? `${code}-1`;
    const attempt = await db
      .insertInto('payment_attempts')
      .values({
        order_id: orderId,
        txn_ref: txnRef,
        amount_vnd: payment.amountVnd,
        status: 'succeeded',
        created_at: at,
        expires_at: at,
        finished_at: at,
        response_code: '00',
        gateway_txn_no: String(14000000 + n),
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    attemptId = Number(attempt.id);
  }
  const year = Number(at.slice(0, 4));
  const row = await db
    .insertInto('payments')
    .values({
      order_id: orderId,
      attempt_id: attemptId,
      channel,
      status: payment.status ?? 'valid',
      amount_vnd: payment.amountVnd,
      unit_id: payment.unitId,
      receipt_year: year,
      receipt_seq: n,
      receipt_no: `${year}-${String(n).padStart(6, '0')}`,
      reference: channel === 'gateway' ? String(14000000 + n) : null,
      bank_code: channel === 'gateway' ? 'NCB' : null,
      paid_at: at,
      recorded_by: null,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { paymentId: Number(row.id), orderId, attemptId, dossierId, dossierCode: code, txnRef };
}

/**
 * One document row as a unit holds it (documents module, issue 4), written straight into the table for tests of
 * what reads documents (search, registers, work files, exchange); the document flows themselves go through the API.
 * `search_text` is folded metadata as the documents module keeps it.
 */
export async function insertDocumentFixture(
  db: Db,
  document: {
    unitId: number;
    direction?: 'incoming' | 'outgoing' | 'internal';
    status?: string;
    typeCode?: string;
    subject: string;
    codeNumber?: string | null;
    codeNotation?: string | null;
    organName?: string | null;
    organId?: string | null;
    confidentiality?: string;
    issuedDate?: string | null;
    arrivalNumber?: number | null;
    arrivalDate?: string | null;
    mainFileId?: string | null;
    workFileId?: number | null;
    createdBy?: number | null;
    createdAt?: string;
    signerName?: string | null;
  },
): Promise<number> {
  const { foldVietnamese } = await import('../../src/platform/text/fold.js');
  const { randomUUID } = await import('node:crypto');
  const at = document.createdAt ?? now();
  const notation = document.codeNumber ? `${document.codeNumber}/${document.codeNotation ?? ''}` : '';
  const row = await db
    .insertInto('documents')
    .values({
      uid: randomUUID(),
      direction: document.direction ?? 'incoming',
      status: document.status ?? 'registered',
      unit_id: document.unitId,
      book_id: null,
      number: null,
      arrival_number: document.arrivalNumber ?? null,
      code_number: document.codeNumber ?? null,
      code_notation: document.codeNotation ?? null,
      type_code: document.typeCode ?? 'CV',
      subject: document.subject,
      urgency: 'normal',
      confidentiality: document.confidentiality ?? 'normal',
      page_amount: 1,
      issued_amount: null,
      issued_date: document.issuedDate ?? null,
      organ_id: document.organId ?? null,
      organ_name: document.organName ?? null,
      signer_name: document.signerName ?? null,
      signer_title: null,
      due_date: null,
      arrival_date: document.arrivalDate ?? null,
      work_file_id: document.workFileId ?? null,
      doc_ordinal: null,
      main_file_id: document.mainFileId ?? null,
      in_reply_to_id: null,
      source_document_id: null,
      source_peer: null,
      signer_user_id: null,
      search_text: foldVietnamese([document.subject, notation, document.organName ?? ''].join(' ')),
      content_text: null,
      content_file_id: null,
      created_by: document.createdBy ?? null,
      created_at: at,
      updated_at: at,
      registered_by: null,
      registered_at: null,
      issued_at: null,
      completed_at: null,
      recalled_at: null,
      recall_reason: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * Periodic reports (issue 6 §D): a province with two communes and a department, a province reporting officer
 * (report.manage on the province with subtree), one reporting officer per commune, and one in the department.
 */
export async function insertReportingSetup(db: Db) {
  const tree = await insertProvinceTree(db);
  const communeA = await insertUnit(db, { code: '000.01.50.H18', name: 'Phường Điện Biên Phủ', type: 'commune', parentId: tree.province });
  const communeB = await insertUnit(db, { code: '000.02.50.H18', name: 'Phường Mường Thanh', type: 'commune', parentId: tree.province });
  const officer = await insertUser(db, { unitId: tree.province, fullName: 'Lò Thị Tổng Hợp', roles: [{ role: 'reporting_officer', unitId: tree.province, includeSubtree: true }] });
  const officerA = await insertUser(db, { unitId: communeA, fullName: 'Quàng Văn Phường', roles: [{ role: 'reporting_officer', unitId: communeA }] });
  const officerB = await insertUser(db, { unitId: communeB, fullName: 'Lường Thị Thanh', roles: [{ role: 'reporting_officer', unitId: communeB }] });
  const justiceOfficer = await insertUser(db, { unitId: tree.justice, roles: [{ role: 'reporting_officer', unitId: tree.justice, includeSubtree: true }] });
  return { ...tree, communeA, communeB, officer, officerA, officerB, justiceOfficer };
}

let testPasswordHashing: Promise<string> | undefined;

/**
 * One real scrypt hash of TEST_PASSWORD per process for every inserted user (its salt shared): each hash costs about
 * 0.3 s of CPU and the suite inserts a thousand users. Signing in still runs the full scrypt check against it.
 */
function testPasswordHash(): Promise<string> {
  testPasswordHashing ??= hashPassword(TEST_PASSWORD);
  return testPasswordHashing;
}
