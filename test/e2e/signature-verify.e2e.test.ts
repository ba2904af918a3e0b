import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createDocument, finishDocument, paragraph } from '../../src/platform/pdf/index.js';
import { Pkcs12Signer } from '../../src/modules/signing/pkcs12-signer.js';
import { signPdf } from '../../src/modules/signing/sign-pdf.js';
import { insertProvinceTree, insertUser, TEST_PASSWORD, type TestUser } from '../support/fixtures.js';
import { insertDocumentsWorld, outgoingToSign } from '../support/documents.js';
import { getTestPki, type TestPki } from '../support/pki.js';
import { confirmPopover, pickOption, pickTreeOption, submitDialog } from './support/antd.js';
import { expectAccessible, screenshot, useChromiumSession } from './support/browser.js';
import { signIn } from './support/sign-in.js';

const PDF = 'application/pdf';
/** A browser step with a server on two shared cores: uploads, axe checks and screenshots take a while. */
const STEP_MS = 120_000;

async function samplePdf(): Promise<Buffer> {
  const doc = createDocument({ title: 'Quyết định thử', creationDate: new Date('2026-03-02T03:04:05Z') });
  paragraph(doc, 'Quyết định về việc phê duyệt kế hoạch chuyển đổi số năm 2026 của Sở Tư pháp tỉnh Điện Biên.');
  return finishDocument(doc);
}

/** One byte of the signed content changed (in the document information, inside the signature's byte range). */
function tamper(signed: Buffer): Buffer {
  const copy = Buffer.from(signed);
  const at = copy.indexOf('/Producer');
  copy[at + 1] = copy[at + 1] === 0x50 ? 0x51 : 0x50;
  return copy;
}

/** Drops a PDF on the public page's drop zone (its native file input) and waits for the result heading. */
async function verifyOnPublicPage(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.goto('/verify');
  await page.getByRole('heading', { level: 1, name: 'Kiểm tra chữ ký số trên văn bản' }).waitFor();
  await page.locator('.cqs-verify-drop input[type=file]').setInputFiles({ name, mimeType: PDF, buffer });
  await page.getByRole('heading', { level: 2, name: `Kết quả kiểm tra: ${name}` }).waitFor();
}

describe('digital signatures in Chromium: trust list, credentials, the public verification page', () => {
  let admin: TestUser;
  let leader: TestUser;
  let pki: TestPki;
  let unsigned: Buffer;
  let signed: Buffer;

  const s = useChromiumSession(async (server) => {
    const tree = await insertProvinceTree(server.db);
    admin = await insertUser(server.db, { username: 'quantri', fullName: 'Quản trị hệ thống', roles: [{ role: 'admin', unitId: tree.province, includeSubtree: true }], withTotp: true });
    leader = await insertUser(server.db, {
      username: 'lanhdao',
      fullName: 'Nguyễn Văn Lãnh',
      unitId: tree.justice,
      roles: [{ role: 'agency_leader', unitId: tree.justice }],
    });
  });

  beforeAll(async () => {
    pki = getTestPki();
    unsigned = await samplePdf();
    signed = await signPdf(unsigned, Pkcs12Signer.load(pki.signer.p12, pki.signer.passphrase), { reason: 'Ký ban hành', location: 'Điện Biên' });
  }, STEP_MS);

  it('the administrator adds the root CA to the trust list and registers the leader\'s certificate through /office/signing', async () => {
    await signIn(s.page, admin);
    await s.page.goto('/office');
    await s.page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('menuitem', { name: 'Chữ ký số' }).click();
    await s.page.getByRole('heading', { level: 1, name: 'Chữ ký số' }).waitFor();

    await s.page.getByRole('button', { name: 'Thêm chứng thư CA' }).click();
    const anchorDialog = s.page.getByRole('dialog', { name: 'Thêm chứng thư CA' });
    await anchorDialog.getByLabel('Tên gọi').fill('CA Gốc Kiểm thử');
    await anchorDialog.getByLabel(/^Tệp chứng thư CA/).setInputFiles({ name: 'ca-goc.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(pki.root.certificatePem) });
    await anchorDialog.getByText('ca-goc.pem').waitFor();
    await submitDialog(anchorDialog, { name: 'Thêm chứng thư CA' });
    const trustList = s.page.getByRole('region', { name: 'Danh sách tin cậy (CA)' });
    await trustList.getByRole('row').filter({ hasText: 'CA Gốc Kiểm thử' }).waitFor();
    expect(await trustList.innerText()).toContain('CN=CA Gốc Kiểm thử');
    const anchors = await s.server.db.selectFrom('signing_trust_anchors').select(['label', 'status']).where('label', '=', 'CA Gốc Kiểm thử').execute();
    expect(anchors).toEqual([{ label: 'CA Gốc Kiểm thử', status: 'active' }]);

    await s.page.getByRole('button', { name: 'Đăng ký chứng thư số' }).click();
    const credentialDialog = s.page.getByRole('dialog', { name: 'Đăng ký chứng thư số' });
    await credentialDialog.getByLabel('Người ký', { exact: true }).fill('Lãnh');
    await pickOption(s.page, credentialDialog, 'Người ký', 'Nguyễn Văn Lãnh');
    await credentialDialog.getByLabel('Tên gọi').fill('Chữ ký số của Giám đốc');
    await credentialDialog.getByLabel(/^Tệp chứng thư số/).setInputFiles({ name: 'lanhdao.p12', mimeType: 'application/x-pkcs12', buffer: pki.signer.p12 });
    await credentialDialog.getByLabel('Mật khẩu của tệp').fill(pki.signer.passphrase);
    await submitDialog(credentialDialog, { name: 'Đăng ký chứng thư số' });
    const credentials = s.page.getByRole('region', { name: 'Chứng thư số đã đăng ký' });
    await credentials.getByRole('row').filter({ hasText: 'Chữ ký số của Giám đốc' }).waitFor();
    const registered = await s.server.db
      .selectFrom('signing_credentials')
      .select(['owner_kind', 'user_id', 'status'])
      .where('label', '=', 'Chữ ký số của Giám đốc')
      .execute();
    expect(registered).toEqual([{ owner_kind: 'user', user_id: leader.id, status: 'active' }]);
    await screenshot(s.page, 'signing-admin');
    await expectAccessible(s.page);
  }, STEP_MS);

  it('a wrong passphrase is refused inside the dialog; a CA removed after confirmation leaves the trust list', async () => {
    await s.page.getByRole('button', { name: 'Đăng ký chứng thư số' }).click();
    const dialog = s.page.getByRole('dialog', { name: 'Đăng ký chứng thư số' });
    await dialog.getByText('Con dấu của đơn vị').click();
    await dialog.getByLabel('Đơn vị', { exact: true }).waitFor();
    await dialog.getByLabel('Tên gọi').fill('Con dấu Sở Tư pháp');
    await dialog.getByLabel(/^Tệp chứng thư số/).setInputFiles({ name: 'seal.p12', mimeType: 'application/x-pkcs12', buffer: pki.seal.p12 });
    await dialog.getByLabel('Mật khẩu của tệp').fill('mật khẩu sai');
    // No unit chosen yet: the form asks for it before anything is sent.
    await dialog.getByRole('button', { name: 'Đăng ký chứng thư số' }).click();
    await dialog.getByText('Vui lòng nhập đơn vị.').waitFor();
    await pickTreeOption(s.page, dialog, 'Đơn vị', 'Sở Tư pháp');
    await dialog.getByRole('button', { name: 'Đăng ký chứng thư số' }).click();
    await dialog.getByRole('alert').filter({ hasText: /mật khẩu/i }).waitFor();
    await screenshot(s.page, 'signing-admin-bad-passphrase');
    await expectAccessible(s.page);
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const seals = await s.server.db.selectFrom('signing_credentials').select('id').where('owner_kind', '=', 'unit_seal').execute();
    expect(seals).toEqual([]);

    await s.page.getByRole('button', { name: 'Thêm chứng thư CA' }).click();
    const anchorDialog = s.page.getByRole('dialog', { name: 'Thêm chứng thư CA' });
    await anchorDialog.getByLabel('Tên gọi').fill('CA Lạ');
    await anchorDialog.getByLabel(/^Tệp chứng thư CA/).setInputFiles({ name: 'ca-la.der', mimeType: 'application/pkix-cert', buffer: pki.untrustedRoot.certificateDer });
    await submitDialog(anchorDialog, { name: 'Thêm chứng thư CA' });
    const trustList = s.page.getByRole('region', { name: 'Danh sách tin cậy (CA)' });
    const row = trustList.getByRole('row').filter({ hasText: 'CA Lạ' });
    await row.waitFor();
    await row.getByRole('button', { name: 'Gỡ khỏi danh sách: CA Lạ' }).click();
    await confirmPopover(s.page, 'Gỡ khỏi danh sách');
    await row.waitFor({ state: 'detached' });
    const removed = await s.server.db.selectFrom('signing_trust_anchors').select('status').where('label', '=', 'CA Lạ').executeTakeFirstOrThrow();
    expect(removed.status).toBe('removed');
    await trustList.getByRole('row').filter({ hasText: 'CA Gốc Kiểm thử' }).waitFor();
  }, STEP_MS);

  it('the public page shows a signed PDF\'s signature as intact, trusted and valid, without signing in', async () => {
    await s.context.clearCookies();
    const page = s.page;
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Kiểm tra chữ ký số' }).click();
    await page.waitForURL(/\/verify$/);
    await verifyOnPublicPage(page, 'quyet-dinh-da-ky.pdf', signed);
    const report = page.getByTestId('signature-report');
    expect(await report.count()).toBe(1);
    const text = await report.innerText();
    expect(text).toContain('Chữ ký 1: Nguyễn Văn Lãnh');
    expect(text).toContain('Sở Tư pháp tỉnh Điện Biên');
    expect(text).toContain('Nội dung còn nguyên vẹn');
    expect(text).toContain('Chứng thư số được tin cậy');
    expect(text).toContain('Chứng thư còn hiệu lực khi ký');
    expect(text).toContain('Chữ ký hợp lệ');
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(text).toContain('CN=CA Trung gian Kiểm thử');
    await screenshot(page, 'signature-verify-signed');
    await expectAccessible(page);

    // Readable on a phone: nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByText('Nội dung còn nguyên vẹn').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'signature-verify-phone');
    await expectAccessible(page);
    await page.setViewportSize({ width: 1366, height: 860 });
  }, STEP_MS);

  it('a copy changed after signing is reported as changed, and an unsigned PDF as carrying no signature', async () => {
    const page = s.page;
    await verifyOnPublicPage(page, 'ban-bi-sua.pdf', tamper(signed));
    const report = page.getByTestId('signature-report');
    const text = await report.innerText();
    expect(text).toContain('Văn bản đã bị thay đổi sau khi ký');
    expect(text).not.toContain('Nội dung còn nguyên vẹn');
    expect(text).toContain('Chữ ký có vấn đề');
    expect(text).toContain('Vấn đề phát hiện');
    await screenshot(page, 'signature-verify-tampered');
    await expectAccessible(page);

    await verifyOnPublicPage(page, 'chua-ky.pdf', unsigned);
    await page.getByText('Không tìm thấy chữ ký số').waitFor();
    expect(await page.getByTestId('signature-report').count()).toBe(0);
    await expectAccessible(page);

    await page.goto('/verify');
    await page.locator('.cqs-verify-drop input[type=file]').setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải PDF') });
    await page.getByRole('alert').filter({ hasText: 'Vui lòng chọn tệp PDF.' }).waitFor();
  }, STEP_MS);

  it('the signer loads a .p12 for the session in the SignDialog on the document page and signs with it', async () => {
    // Created only now: its second "Sở Tư pháp" would make the unit picker above ambiguous.
    const world = await insertDocumentsWorld(s.server.db);
    const document = await outgoingToSign(s.server.app, world);
    const page = s.page;
    await signIn(page, { username: world.leader.username, password: TEST_PASSWORD });
    await page.goto(`/office/documents/${document.id}`);
    await page.getByRole('button', { name: 'Ký số' }).click();
    const dialog = page.getByRole('dialog', { name: /^Ký số — / });
    await dialog.getByText('Bạn chưa có chứng thư số nào.', { exact: false }).waitFor();

    // Nothing chosen yet: the dialog says so instead of sending.
    await dialog.getByRole('button', { name: 'Ký số' }).click();
    await dialog.getByText('Vui lòng chọn chứng thư số dùng để ký.').waitFor();

    await dialog.getByLabel(/^Tệp chứng thư số/).setInputFiles({ name: 'chu-ky-ca-nhan.p12', mimeType: 'application/x-pkcs12', buffer: pki.signer.p12 });
    await dialog.getByLabel('Mật khẩu của tệp').fill('mật khẩu sai');
    await dialog.getByRole('button', { name: 'Tải lên' }).click();
    await dialog.getByRole('alert').filter({ hasText: /mật khẩu/i }).waitFor();
    await dialog.getByLabel('Mật khẩu của tệp').fill(pki.signer.passphrase);
    await dialog.getByRole('button', { name: 'Tải lên' }).click();
    const session = dialog.getByRole('radio', { name: /Chứng thư số tải lên cho phiên này/ });
    await session.waitFor();
    expect(await session.isChecked()).toBe(true);
    expect(await session.locator('xpath=ancestor::label[1]').innerText()).toContain('Nguyễn Văn Lãnh');
    // Choosing the session certificate answers the earlier 'choose a certificate' message.
    await dialog.getByText('Vui lòng chọn chứng thư số dùng để ký.').waitFor({ state: 'detached' });
    await screenshot(page, 'sign-dialog-session');
    await expectAccessible(page);

    await submitDialog(dialog, { name: 'Ký số' });
    await expect.poll(async () => (await s.server.db.selectFrom('documents').select('status').where('id', '=', document.id).executeTakeFirstOrThrow()).status).toBe('signed');
    await page.getByText('Nguyễn Văn Lãnh').first().waitFor();
  }, STEP_MS);
});
