import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditContext } from '../../src/platform/audit/audit.js';
import { seedDemo } from '../../src/modules/demo/seed-demo.js';
import { DIEN_BIEN_CODES } from '../../src/modules/demo/dien-bien.js';
import { insertSigningCredentials, type DocumentsWorld } from '../support/documents.js';
import { bearer, TEST_PASSWORD, tokenFor, type TestUser } from '../support/fixtures.js';
import { getTestPki } from '../support/pki.js';
import { pickOption, submitDialog } from './support/antd.js';
import { expectAccessible, newVietnameseContext, screenshot, useChromiumSession } from './support/browser.js';
import type { RunningServer } from './support/server.js';
import { signIn } from './support/sign-in.js';

const auditContext: AuditContext = { actorId: null, actorUsername: 'system', ip: null, requestId: 'e2e-documents-flow' };
const demoUser = (username: string): TestUser => ({ id: 0, username, password: TEST_PASSWORD });
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The handler the director assigns and who drafts the reply: the specialist, who picks the signer from the
 * documents module's list of the unit's signers (she has no access to the user directory).
 */
const HANDLER = { username: 'chuyenvien', fullName: 'Nguyễn Thị Thu Hà' };
const SUBJECT = 'V/v triển khai tuyên truyền, phổ biến pháp luật năm 2027';
const REPLY_BODY = 'Sở Tư pháp báo cáo kết quả triển khai tuyên truyền, phổ biến pháp luật theo đề nghị của Văn phòng UBND tỉnh.';

/** Calls the API as a demo account (bearer token), expecting `status`. */
async function call(server: RunningServer, username: string, method: 'GET' | 'POST', url: string, payload?: unknown, status = 200) {
  const token = await tokenFor(server.app, demoUser(username));
  const response = await server.app.inject({ method, url, headers: bearer(token), payload: payload as object | undefined });
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(status);
  return response.json();
}

async function unitId(server: RunningServer, code: string): Promise<number> {
  const row = await server.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return Number(row.id);
}

async function userId(server: RunningServer, username: string): Promise<number> {
  const row = await server.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * The test PKI's root in the trust list, a personal credential for each leader and a seal for each unit (H2's
 * fixture; the certificates are made at test time). Only the fields the fixture reads are given.
 */
async function registerCredentials(server: RunningServer): Promise<void> {
  const world = {
    leader: { id: await userId(server, 'lanhdao') },
    officeLeader: { id: await userId(server, 'lanhdao.vp') },
    units: { justice: await unitId(server, DIEN_BIEN_CODES.justice), office: await unitId(server, DIEN_BIEN_CODES.officeOfPeoplesCommittee) },
  } as unknown as DocumentsWorld;
  await insertSigningCredentials(server.db, server.app.ctx.config, world);
}

/**
 * Văn phòng UBND tỉnh writes to Sở Tư pháp through the API (its own path is not what this test looks at): drafted by
 * its chief, format-checked by its clerk, signed with the chief's registered demo credential, numbered, sealed and
 * issued — which delivers it to Sở Tư pháp as an incoming document awaiting registration.
 */
async function officeWritesToJustice(server: RunningServer): Promise<void> {
  const office = await unitId(server, DIEN_BIEN_CODES.officeOfPeoplesCommittee);
  const justice = await unitId(server, DIEN_BIEN_CODES.justice);
  let doc = await call(server, 'lanhdao.vp', 'POST', '/api/documents/outgoing', {
    unitId: office,
    typeCode: 'CV',
    subject: SUBJECT,
    urgency: 'khan',
    confidentiality: 'normal',
    signerUserId: await userId(server, 'lanhdao.vp'),
    recipients: [{ unitId: justice }],
    body: 'Văn phòng UBND tỉnh đề nghị Sở Tư pháp triển khai tuyên truyền, phổ biến pháp luật và báo cáo kết quả.',
  }, 201);
  doc = await call(server, 'lanhdao.vp', 'POST', `/api/documents/${doc.id}/actions`, { action: 'submit', version: doc.version, reviewerIds: [] });
  doc = await call(server, 'vanthu.vp', 'POST', `/api/documents/${doc.id}/actions`, { action: 'format_check', version: doc.version, decision: 'pass' });
  const credentials = await call(server, 'lanhdao.vp', 'GET', '/api/signing/my-credentials');
  const credential = { kind: 'registered', id: credentials.registered[0].id };
  doc = await call(server, 'lanhdao.vp', 'POST', `/api/documents/${doc.id}/actions`, { action: 'sign', version: doc.version, credential, visible: null });
  doc = await call(server, 'vanthu.vp', 'POST', `/api/documents/${doc.id}/actions`, { action: 'issue', version: doc.version });
  expect(doc.status).toBe('issued');
}

/**
 * The "done when" in Chromium: a document arrives from another unit, the clerk registers it, the leader
 * assigns it, the handler drafts a reply, the leader signs it, the clerk numbers and seals it, and the recipient unit
 * receives it and sees both signatures (signer and seal) verified as intact and trusted.
 */
describe('official documents between two units in Chromium', { timeout: 300_000 }, () => {
  const s = useChromiumSession(async (server) => {
    await seedDemo(server.db, { password: TEST_PASSWORD, auditContext });
    await registerCredentials(server);
    await officeWritesToJustice(server);
  });
  const pages = new Map<string, Page>();
  let current: Page | undefined;
  beforeAll(() => s.context.setDefaultTimeout(30_000));
  // The session's own page stays unused here: keep a picture of the person's page where a step failed.
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && current) await screenshot(current, `failed-documents-${task.name.slice(0, 40).replace(/[^\p{L}\p{N}]+/gu, '-')}`).catch(() => undefined);
  });
  async function as(username: string): Promise<Page> {
    const known = pages.get(username);
    current = known;
    if (known) return known;
    const context = await newVietnameseContext(s.browser, s.server.baseUrl);
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    await signIn(page, demoUser(username));
    pages.set(username, page);
    current = page;
    return page;
  }
  afterAll(async () => {
    for (const page of pages.values()) await page.context().close();
  });

  /** Opens the first document whose subject matches from a worklist tab, as the official would find it. */
  async function openFrom(page: Page, tab: string, subject: RegExp): Promise<void> {
    await page.goto('/office/documents');
    await page.getByRole('tab', { name: new RegExp(`^${escape(tab)}`) }).click();
    await page.getByRole('tabpanel').getByRole('link', { name: subject }).first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Xử lý văn bản' }).waitFor();
  }

  async function take(page: Page, action: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
    await page.getByRole('region', { name: 'Xử lý văn bản' }).getByRole('button', { name: action, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`^${escape(action)} — `) });
    await dialog.waitFor();
    if (fill) await fill(dialog);
    await submitDialog(dialog, { name: action, exact: true });
    await page.getByText(`Đã thực hiện: ${action}.`).first().waitFor();
  }

  const SUBJECT_LINK = new RegExp(escape(SUBJECT));
  const REPLY_LINK = /V\/v trả lời/;

  it('the clerk of Sở Tư pháp registers the document that arrived from Văn phòng UBND tỉnh', async () => {
    const clerk = await as('vanthu');
    await clerk.goto('/office/documents');
    await clerk.getByRole('tab', { name: /^Chờ vào sổ/ }).click();
    await clerk.getByRole('tabpanel').getByRole('link', { name: SUBJECT_LINK }).waitFor();
    await expectAccessible(clerk);
    await openFrom(clerk, 'Chờ vào sổ', SUBJECT_LINK);
    await take(clerk, 'Vào sổ');
    await expect.poll(() => clerk.getByText(/Số đến: \d+/).count()).toBeGreaterThan(0);
  });

  it('the director assigns it to a handler with a deadline and instructions', async () => {
    const leader = await as('lanhdao');
    await openFrom(leader, 'Chờ phân công', SUBJECT_LINK);
    await expectAccessible(leader);
    await take(leader, 'Phân công xử lý', async (dialog) => {
      await pickOption(leader, dialog, 'Người chủ trì xử lý', HANDLER.fullName);
      const deadline = dialog.getByLabel('Hạn xử lý');
      // Typed in full, the date is taken as it is typed; Enter would submit the dialog before the instructions.
      await deadline.fill('31/12/2099');
      await dialog.getByLabel('Ý kiến chỉ đạo').fill('Chủ trì tham mưu văn bản trả lời, trình trước hạn.');
    });
    await leader.getByRole('region', { name: 'Người xử lý' }).getByText(HANDLER.fullName).waitFor();
  });

  it('the handler drafts the reply from the worklist and sends it to the clerk', async () => {
    const handler = await as(HANDLER.username);
    await openFrom(handler, 'Việc của tôi', SUBJECT_LINK);
    await handler.getByRole('link', { name: 'Soạn văn bản trả lời' }).click();
    await handler.getByRole('heading', { level: 1, name: 'Soạn văn bản trả lời' }).waitFor();
    await expect.poll(() => handler.getByLabel('Trích yếu nội dung').inputValue()).toMatch(REPLY_LINK);
    await pickOption(handler, handler.locator('form'), 'Người ký', 'Trần Quốc Khánh');
    await handler.getByLabel('Nội dung văn bản').fill(REPLY_BODY);
    await expectAccessible(handler);
    await handler.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await handler.getByRole('region', { name: 'Xử lý văn bản' }).waitFor();
    await take(handler, 'Trình duyệt');
  });

  it('the clerk checks the format and the director signs with his registered certificate', async () => {
    const clerk = await as('vanthu');
    await openFrom(clerk, 'Chờ kiểm tra thể thức', REPLY_LINK);
    await take(clerk, 'Kiểm tra thể thức');
    const leader = await as('lanhdao');
    await openFrom(leader, 'Chờ ký', REPLY_LINK);
    await expectAccessible(leader);
    await leader.getByRole('region', { name: 'Xử lý văn bản' }).getByRole('button', { name: 'Ký số', exact: true }).click();
    const dialog = leader.getByRole('dialog', { name: /^Ký số — / });
    await dialog.getByRole('radio').first().waitFor();
    await expect.poll(() => dialog.getByRole('radio', { checked: true }).count()).toBe(1);
    await expectAccessible(leader);
    await submitDialog(dialog, { name: 'Ký số', exact: true });
    await leader.getByText('Đã thực hiện: Ký số.').first().waitFor();
    await leader.getByRole('region', { name: 'Chữ ký số' }).getByText(getTestPki().signer.commonName).first().waitFor();
  });

  it('the clerk numbers, seals and issues the reply', async () => {
    const clerk = await as('vanthu');
    await openFrom(clerk, 'Chờ phát hành', REPLY_LINK);
    await take(clerk, 'Cấp số và phát hành');
    await clerk.getByRole('heading', { level: 1, name: /\d+\/STP/ }).waitFor();
    await screenshot(clerk, 'documents-issued-reply');
  });

  it('Văn phòng UBND tỉnh receives the reply and sees both signatures verified, intact and trusted', async () => {
    const clerk = await as('vanthu.vp');
    await openFrom(clerk, 'Chờ vào sổ', REPLY_LINK);
    const signatures = clerk.getByRole('region', { name: 'Chữ ký số' });
    await signatures.getByRole('button', { name: 'Kiểm tra chữ ký' }).click();
    const reports = signatures.getByRole('region', { name: 'Kết quả kiểm tra chữ ký số' });
    const cards = reports.getByTestId('signature-report');
    await cards.nth(1).waitFor();
    expect(await cards.count()).toBe(2);
    for (const index of [0, 1]) {
      await cards.nth(index).getByText('Nội dung còn nguyên vẹn').waitFor();
      await cards.nth(index).getByText('Chứng thư số được tin cậy').waitFor();
    }
    // The director's signature first, then the seal of Sở Tư pháp applied at issue (incremental update).
    const pki = getTestPki();
    expect(await cards.nth(0).innerText()).toContain(pki.signer.commonName);
    expect(await cards.nth(1).innerText()).toContain(pki.seal.commonName);
    await expectAccessible(clerk);
    await screenshot(clerk, 'documents-received-verified');
  });
});
