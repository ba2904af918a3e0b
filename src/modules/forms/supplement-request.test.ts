import { describe, expect, it } from 'vitest';
import { FIXED_CREATION_DATE, sampleSupplementRequest } from '../../../test/support/form-samples.js';
import { extractPdfText } from '../../../test/support/pdf.js';
import { renderSupplementRequest } from './supplement-request.js';

describe('form 02 — phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', () => {
  it('lists every missing item at once, numbered, with the reason and whom to ask', async () => {
    const text = await extractPdfText(await renderSupplementRequest(sampleSupplementRequest, { creationDate: FIXED_CREATION_DATE }));
    expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(text).toContain('Mã hồ sơ: H18.01-260309-0007');
    expect(text).toContain('Hồ sơ của: Lò Thị Thanh');
    expect(text).toContain('1. Biên bản họp thành viên hộ gia đình còn thiếu chữ ký của ông Lò Văn Bình.');
    expect(text).toContain(
      '2. Giấy đề nghị ghi ngành, nghề kinh doanh chưa đúng mã ngành kinh tế Việt Nam (Quyết định 36/2025/QĐ-TTg).',
    );
    expect(text).toContain('3. Bổ sung bản sao hợp đồng thuê địa điểm kinh doanh tại bản Noong Bua.');
    // The line may wrap after "2025/", which the extracted text shows as a space.
    expect(text).toMatch(/Lý do: Hồ sơ chưa đủ thành phần theo quy định của Nghị định 168\/2025\/ ?NĐ-CP\./);
    expect(text).toContain('liên hệ với Quàng Văn Sơn, số điện thoại 0215 3825 123');
    expect(text).toContain('NGƯỜI HƯỚNG DẪN');
  });

  it('refuses to print a request with nothing to supplement', async () => {
    await expect(renderSupplementRequest({ ...sampleSupplementRequest, missingItems: [] })).rejects.toThrow(RangeError);
  });
});
