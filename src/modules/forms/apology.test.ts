import { describe, expect, it } from 'vitest';
import { FIXED_CREATION_DATE, sampleApology } from '../../../test/support/form-samples.js';
import { extractPdfText } from '../../../test/support/pdf.js';
import { renderApology } from './apology.js';

describe('form 04 — phiếu xin lỗi và hẹn lại ngày trả kết quả', () => {
  it('gives the reason for the delay, the missed and the new appointment, signed by the head', async () => {
    const text = await extractPdfText(await renderApology(sampleApology, { creationDate: FIXED_CREATION_DATE }));
    expect(text).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(text).toContain('Điện Biên, ngày 11 tháng 3 năm 2026');
    expect(text).toContain('Ngày 09 tháng 3 năm 2026, Trung tâm Phục vụ hành chính công tỉnh Điện Biên tiếp nhận');
    expect(text).toContain('Ông/Bà: Lò Thị Thanh');
    expect(text).toContain('Thời gian hẹn trả kết quả giải quyết hồ sơ: 16 giờ 00 phút, ngày 12 tháng 3 năm 2026');
    expect(text).toContain('Lý do: Phải xác minh địa điểm kinh doanh tại xã Mường Phăng do sạt lở đường giao thông.');
    expect(text).toContain('xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào 09 giờ 00 phút, ngày 16 tháng 3 năm 2026.');
    expect(text).toContain('GIÁM ĐỐC');
    expect(text).toContain('Lường Thị Hương');
  });

  it('refuses a new appointment that is not later than the missed one', async () => {
    await expect(renderApology({ ...sampleApology, newAppointmentAt: sampleApology.previousAppointmentAt })).rejects.toThrow(RangeError);
  });
});
