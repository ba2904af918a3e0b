import { describe, expect, it } from 'vitest';
import { FIXED_CREATION_DATE, sampleRefusal } from '../../../test/support/form-samples.js';
import { extractPdfText } from '../../../test/support/pdf.js';
import { renderRefusal } from './refusal.js';

describe('form 03 — phiếu từ chối tiếp nhận giải quyết hồ sơ', () => {
  it('states every reason for refusing the dossier', async () => {
    const text = await extractPdfText(await renderRefusal(sampleRefusal, { creationDate: FIXED_CREATION_DATE }));
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Ông/Bà: Lò Thị Thanh');
    expect(text).toContain('Nội dung yêu cầu giải quyết: Cấp phép khai thác khoáng sản');
    expect(text).toContain('1. Thủ tục không thuộc thẩm quyền giải quyết của Ủy ban nhân dân tỉnh Điện Biên.');
    expect(text).toContain('2. Khu vực đề nghị khai thác nằm trong khu vực cấm hoạt động khoáng sản.');
    expect(text).toContain('Xin thông báo để Ông/Bà được biết và thực hiện./.');
    // A dossier refused at the counter has no code yet, so none is printed.
    expect(text).not.toContain('Mã hồ sơ');
  });

  it('prints the code of an online dossier and refuses a refusal without reasons', async () => {
    const text = await extractPdfText(await renderRefusal({ ...sampleRefusal, dossierCode: 'H18.01-260309-0031' }));
    expect(text).toContain('Mã hồ sơ: H18.01-260309-0031');
    await expect(renderRefusal({ ...sampleRefusal, reasons: [] })).rejects.toThrow(RangeError);
  });
});
