import { describe, expect, it } from 'vitest';
import { FIXED_CREATION_DATE, sampleRegister } from '../../../test/support/form-samples.js';
import { extractPdfPages } from '../../../test/support/pdf.js';
import { renderDossierRegister } from './dossier-register.js';

const occurrences = (text: string, needle: string) => text.split(needle).length - 1;

describe('form 06 — sổ theo dõi hồ sơ', () => {
  it('paginates 100 dossiers, every page with the column header and "Trang n/N", every dossier exactly once', async () => {
    const pdf = await renderDossierRegister(sampleRegister(100), { creationDate: FIXED_CREATION_DATE });
    const pages = await extractPdfPages(pdf);
    expect(pages.length).toBeGreaterThan(3);
    expect(pages[0]).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(pages[0]).toContain('Từ ngày 01/03/2026 đến ngày 31/03/2026');
    pages.forEach((page, i) => {
      expect(page).toContain('Mã hồ sơ');
      expect(page).toContain('Tên thủ tục hành chính');
      expect(page).toContain(`Trang ${i + 1}/${pages.length}`);
    });
    const all = pages.join(' ');
    for (let n = 1; n <= 100; n++) {
      expect(occurrences(all, `H18.01-260309-${String(n).padStart(4, '0')}`)).toBe(1);
    }
    expect(all).toContain('Lò Thị Thanh');
    expect(all).toContain('Điêu Văn Khánh');
    expect(all).toContain('Quá hạn');
  });

  it('says so when the period has no dossiers', async () => {
    const pages = await extractPdfPages(await renderDossierRegister(sampleRegister(0)));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Không có hồ sơ trong kỳ.');
    expect(pages[0]).toContain('Trang 1/1');
  });

  it('prints landscape A4 pages', async () => {
    const pdf = await renderDossierRegister(sampleRegister(3));
    // A4 landscape media box: 841.89 × 595.28 pt.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
  });
});
