import { beforeAll, describe, expect, it } from 'vitest';
import type * as pkijs from 'pkijs';
import { createDocument, finishDocument, paragraph } from '../../platform/pdf/index.js';
import { getTestPki, type TestPki } from '../../../test/support/pki.js';
import { certificateBytes, parseCertificateDer } from './certificate-info.js';
import { Pkcs12Signer } from './pkcs12-signer.js';
import { signPdf } from './sign-pdf.js';
import { verifyPdf } from './verify-pdf.js';
import { PNG } from 'pngjs';
import { PDFDocument } from 'pdf-lib';
import { renderPdfPageToPng } from '../../../test/support/pdf.js';

/** Non-white pixels inside a rectangle given in PDF points from the lower-left corner of an A4 page. */
async function inkInside(pdf: Buffer, rect: { x: number; y: number; width: number; height: number }): Promise<number> {
  const dpi = 72;
  const png = PNG.sync.read(await renderPdfPageToPng(pdf, 1, dpi));
  let ink = 0;
  const top = png.height - (rect.y + rect.height);
  for (let row = Math.max(0, Math.floor(top)); row < Math.min(png.height, top + rect.height); row++) {
    for (let col = Math.floor(rect.x); col < Math.min(png.width, rect.x + rect.width); col++) {
      const at = (row * png.width + col) * 4;
      if (png.data[at]! < 200 || png.data[at + 1]! < 200) ink += 1;
    }
  }
  return ink;
}

const DAY = 24 * 3600 * 1000;

async function samplePdf(text = 'Quyết định về việc phê duyệt kế hoạch chuyển đổi số năm 2026'): Promise<Buffer> {
  const doc = createDocument({ title: 'Văn bản thử', creationDate: new Date('2026-01-02T03:04:05Z') });
  paragraph(doc, text);
  return finishDocument(doc);
}

describe('PAdES signing and verification', () => {
  let pki: TestPki;
  let anchors: pkijs.Certificate[];
  let signer: Pkcs12Signer;
  let seal: Pkcs12Signer;

  beforeAll(() => {
    pki = getTestPki();
    anchors = [parseCertificateDer(certificateBytes(Buffer.from(pki.root.certificatePem)))];
    signer = Pkcs12Signer.load(pki.signer.p12, pki.signer.passphrase);
    seal = Pkcs12Signer.load(pki.seal.p12, pki.seal.passphrase);
  });

  it('a signed PDF verifies: intact, trusted through the intermediate, certificate valid, name and organisation', async () => {
    const signed = await signPdf(await samplePdf(), signer, { reason: 'Ký ban hành', location: 'Điện Biên' });
    const [report, ...more] = await verifyPdf(signed, anchors);
    expect(more).toEqual([]);
    expect(report).toMatchObject({
      signerName: 'Nguyễn Văn Lãnh',
      organisation: 'Sở Tư pháp tỉnh Điện Biên',
      intact: true,
      coversWholeDocument: true,
      trusted: true,
      certificateValid: true,
      problems: [],
    });
    expect(Math.abs(Date.parse(report.signedAt!) - Date.now())).toBeLessThan(60_000);
    expect(report.certificate?.issuer).toContain('CN=CA Trung gian Kiểm thử');
    expect(signed.includes('/SubFilter /adbe.pkcs7.detached')).toBe(true);
  });

  it('one byte changed inside the signed range is reported as modified', async () => {
    const signed = await signPdf(await samplePdf(), signer, { reason: 'Ký' });
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('/Producer');
    tampered[at + 1] = tampered[at + 1] === 0x50 ? 0x51 : 0x50;
    const [report] = await verifyPdf(tampered, anchors, undefined, 'en');
    expect(report.intact).toBe(false);
    expect(report.trusted).toBe(true);
    expect(report.problems).toContain('The content was changed after signing: the signature no longer matches the document.');
  });

  it('a certificate outside the trust list is untrusted, and an empty trust list trusts nothing', async () => {
    const stranger = Pkcs12Signer.load(pki.untrustedSigner.p12, pki.untrustedSigner.passphrase);
    const signed = await signPdf(await samplePdf(), stranger, { reason: 'Ký' });
    const [report] = await verifyPdf(signed, anchors);
    expect(report).toMatchObject({ signerName: 'Lê Văn Lạ', intact: true, trusted: false, certificateValid: true });
    expect(report.problems).toEqual(['Chứng thư số không được cấp bởi tổ chức chứng thực trong danh sách tin cậy.']);
    const [again] = await verifyPdf(await signPdf(await samplePdf(), signer, { reason: 'Ký' }), []);
    expect(again.trusted).toBe(false);
  });

  it('a signature made after the certificate expired is reported (certificateValid false)', async () => {
    // Loaded as of a day inside its validity, so the signer can still be built; the signature is made now.
    const expired = Pkcs12Signer.load(pki.expiredSigner.p12, pki.expiredSigner.passphrase, { at: new Date(Date.now() - 500 * DAY) });
    const signed = await signPdf(await samplePdf(), expired, { reason: 'Ký' });
    const [report] = await verifyPdf(signed, anchors);
    expect(report).toMatchObject({ signerName: 'Trần Thị Hết Hạn', intact: true, trusted: true, certificateValid: false });
    expect(report.problems[0]).toMatch(/^Chứng thư số không có hiệu lực tại thời điểm ký/);
  });

  it('the seal signature is an incremental update: both signatures verify, the first no longer covers the whole file', async () => {
    const first = await signPdf(await samplePdf(), signer, { reason: 'Ký ban hành' });
    const both = await signPdf(first, seal, { reason: 'Đóng dấu', location: 'Điện Biên' });
    expect(both.subarray(0, first.length).equals(first)).toBe(true);
    const reports = await verifyPdf(both, anchors);
    expect(reports.map((r) => [r.signerName, r.intact, r.coversWholeDocument, r.trusted, r.certificateValid])).toEqual([
      ['Nguyễn Văn Lãnh', true, false, true, true],
      ['Sở Tư pháp tỉnh Điện Biên', true, true, true, true],
    ]);
  });

  it('draws visible blocks (name, title, time; the seal’s number line) on page 1, each as an incremental update that keeps the earlier signature valid', async () => {
    const first = await signPdf(await samplePdf(), signer, { reason: 'Ký ban hành', visible: { page: 1, x: 320, y: 300, lines: ['Nguyễn Văn Lãnh', 'Giám đốc Sở Tư pháp', '27/11/2026 09:15'] } });
    const both = await signPdf(first, seal, { reason: 'Đóng dấu', visible: { page: 1, x: 320, y: 200, lines: ['Sở Tư pháp tỉnh Điện Biên', 'Số: 12/QĐ-STP — ngày 27/11/2026'] } });
    expect(both.subarray(0, first.length).equals(first)).toBe(true);
    const reports = await verifyPdf(both, anchors);
    expect(reports.map((r) => [r.signerName, r.intact, r.coversWholeDocument, r.trusted])).toEqual([
      ['Nguyễn Văn Lãnh', true, false, true],
      ['Sở Tư pháp tỉnh Điện Biên', true, true, true],
    ]);
    expect(await inkInside(both, { x: 320, y: 300, width: 150, height: 40 })).toBeGreaterThan(200);
    expect(await inkInside(both, { x: 320, y: 200, width: 150, height: 28 })).toBeGreaterThan(200);
    expect(await inkInside(both, { x: 100, y: 400, width: 150, height: 40 })).toBe(0);
  });

  it('refuses a visible block on another page than the first instead of silently dropping it', async () => {
    await expect(signPdf(await samplePdf(), signer, { reason: 'Ký', visible: { page: 2, x: 10, y: 10, lines: ['x'] } })).rejects.toMatchObject({ code: 'SIGNING_VISIBLE_UNSUPPORTED' });
  });

  it('signs a PDF 1.5 file with a cross-reference stream (as Word, LibreOffice and pdf-lib write them), then seals it', async () => {
    const modern = await PDFDocument.create();
    modern.addPage([595, 842]).drawText('Cong van tra loi', { x: 72, y: 760, size: 14 });
    const source = Buffer.from(await modern.save({ useObjectStreams: true }));
    expect(source.toString('latin1')).toMatch(/\/Type\s*\/XRef/);
    const signed = await signPdf(source, signer, { reason: 'Ký ban hành' });
    const sealed = await signPdf(signed, seal, { reason: 'Đóng dấu' });
    const reports = await verifyPdf(sealed, anchors);
    expect(reports.map((r) => [r.intact, r.trusted])).toEqual([[true, true], [true, true]]);
    expect((await PDFDocument.load(sealed)).getPageCount()).toBe(1);
  });

  it('an unsigned PDF has no signatures', async () => {
    expect(await verifyPdf(await samplePdf(), anchors)).toEqual([]);
  });

  it('loading refuses a wrong passphrase, a file that is not PKCS#12 and an expired certificate', () => {
    expect(() => Pkcs12Signer.load(pki.signer.p12, 'sai-mat-khau')).toThrow(expect.objectContaining({ code: 'SIGNING_BAD_PASSPHRASE' }));
    expect(() => Pkcs12Signer.load(Buffer.from('%PDF-1.7 not a p12'), 'x')).toThrow(expect.objectContaining({ code: 'SIGNING_NOT_PKCS12' }));
    expect(() => Pkcs12Signer.load(pki.expiredSigner.p12, pki.expiredSigner.passphrase)).toThrow(expect.objectContaining({ code: 'SIGNING_CERTIFICATE_EXPIRED' }));
  });
});
