import { describe, expect, it } from 'vitest';
import { FIXED_CREATION_DATE, sampleReceipt } from '../../../test/support/form-samples.js';
import { extractPdfPages, findQrCodeOnPage } from '../../../test/support/pdf.js';
import { renderReceipt } from './receipt.js';

describe('form 01 — giấy tiếp nhận hồ sơ và hẹn trả kết quả', () => {
  it('prints the dossier, the applicant, every document with its count and both times in Vietnamese', async () => {
    const pages = await extractPdfPages(await renderReceipt(sampleReceipt, { creationDate: FIXED_CREATION_DATE }));
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain('Mã hồ sơ: H18.01-260309-0007');
    expect(text).toContain('Điện Biên, ngày 09 tháng 3 năm 2026');
    expect(text).toContain('Ông/Bà: Lò Thị Thanh');
    expect(text).toContain('Địa chỉ: Bản Him Lam 2, phường Him Lam, tỉnh Điện Biên');
    expect(text).toContain('Nội dung yêu cầu giải quyết: Đăng ký thành lập hộ kinh doanh');
    expect(text).toContain('1 Giấy đề nghị đăng ký hộ kinh doanh Bản chính 1');
    expect(text).toContain('3 Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh Bản chính 2');
    expect(text).toContain('2. Số lượng hồ sơ: 1 bộ');
    expect(text).toContain('3. Thời gian giải quyết hồ sơ theo quy định: 03 ngày làm việc');
    expect(text).toContain('4. Thời gian nhận hồ sơ: 09 giờ 15 phút, ngày 09 tháng 3 năm 2026');
    expect(text).toContain('5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 00 phút, ngày 12 tháng 3 năm 2026');
    expect(text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(text).toContain('Quàng Văn Sơn');
  });

  it('carries a QR code that a scanner reads as the public tracking address', async () => {
    const pdf = await renderReceipt(sampleReceipt, { creationDate: FIXED_CREATION_DATE });
    expect(await findQrCodeOnPage(pdf, 1)).toBe('https://dichvucong.dienbien.gov.vn/tracking/H18.01-260309-0007');
  });

  it('takes replacement wording for any label, keeping the defaults for the rest', async () => {
    const pdf = await renderReceipt(sampleReceipt, {
      creationDate: FIXED_CREATION_DATE,
      labels: { title: 'Giấy biên nhận hồ sơ', officerSignature: 'Công chức tiếp nhận' },
    });
    const [text] = await extractPdfPages(pdf);
    expect(text).toContain('GIẤY BIÊN NHẬN HỒ SƠ');
    expect(text).not.toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain('CÔNG CHỨC TIẾP NHẬN');
    expect(text).toContain('NGƯỜI NỘP HỒ SƠ');
  });

  it('numbers the pages only when a long list of documents runs onto a second page, the QR code still readable', async () => {
    const single = await extractPdfPages(await renderReceipt(sampleReceipt));
    expect(single[0]).not.toContain('Trang 1/1');

    const documents = Array.from({ length: 30 }, (_, i) => ({ name: `Giấy tờ số ${i + 1} của hộ Lò Thị Thanh`, kind: 'Bản sao', count: 1 }));
    const pdf = await renderReceipt({ ...sampleReceipt, documents });
    const pages = await extractPdfPages(pdf);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Trang 1/2');
    expect(pages[1]).toContain('Trang 2/2');
    // The column header is repeated above the rows that moved to page 2.
    expect(pages[1]).toContain('Tên giấy tờ');
    expect(pages.join(' ')).toContain('30 Giấy tờ số 30 của hộ Lò Thị Thanh Bản sao 1');
    expect(await findQrCodeOnPage(pdf, 2)).toBe('https://dichvucong.dienbien.gov.vn/tracking/H18.01-260309-0007');
  });
});
