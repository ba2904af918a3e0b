import { describe, expect, it } from 'vitest';
import { FIXED_CREATION_DATE, sampleControlSheet } from '../../../test/support/form-samples.js';
import { extractPdfPages } from '../../../test/support/pdf.js';
import { renderControlSheet } from './control-sheet.js';

describe('form 05 — phiếu kiểm soát quá trình giải quyết hồ sơ', () => {
  it('prints each hand-over with both parties, times, deadline and whether it was on time', async () => {
    const pages = await extractPdfPages(await renderControlSheet(sampleControlSheet, { creationDate: FIXED_CREATION_DATE }));
    const text = pages.join(' ');
    expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Cơ quan chủ trì giải quyết: Sở Tài chính tỉnh Điện Biên');
    expect(text).toContain('Thời gian hẹn trả kết quả: 16:00 12/03/2026');
    expect(text).toContain('Điêu Chính Tuấn');
    expect(text).toContain('Lãnh đạo Sở Tài');
    expect(text).toContain('10:00 09/03/2026');
    expect(text).toContain('Trước hạn');
    expect(text).toContain('Đúng hạn');
    expect(text).toContain('Quá hạn');
    // The last step has no outcome yet.
    expect(text).toContain('Đang xử lý');
    expect(text).toContain(`Trang 1/${pages.length}`);
  });

  it('continues onto further pages with the header repeated when a dossier has many steps', async () => {
    const step = sampleControlSheet.steps[1]!;
    const steps = Array.from({ length: 40 }, () => step);
    const pages = await extractPdfPages(await renderControlSheet({ ...sampleControlSheet, steps }));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain('Bước xử lý');
  });
});
