import { describe, expect, it } from 'vitest';
import { extractPdfPages } from '../../../test/support/pdf.js';
import { drawPageNumbers, labelledLine } from './blocks.js';
import { createDocument, finishDocument } from './document.js';
import { drawHeading, drawTitle } from './headings.js';
import { drawTable } from './table.js';

async function sample(creationDate: Date, rows = 3): Promise<Buffer> {
  const doc = createDocument({ title: 'Thử nghiệm', creationDate });
  drawHeading(doc, {
    agency: { superiorName: 'UBND tỉnh Điện Biên', name: 'Sở Tư pháp', documentNumber: 'Số: 12/TB-STP' },
    placeName: 'Điện Biên',
    issuedAt: new Date('2026-01-05T02:00:00Z'),
  });
  drawTitle(doc, 'Thông báo', 'Về việc thử nghiệm');
  labelledLine(doc, 'Người nhận', 'Lò Thị Thanh');
  labelledLine(doc, 'Địa chỉ', undefined);
  drawTable(doc, {
    columns: [
      { header: 'TT', weight: 1 },
      { header: 'Nội dung', weight: 6 },
    ],
    rows: Array.from({ length: rows }, (_, i) => [String(i + 1), `Dòng thứ ${i + 1} — Mường Thanh`]),
  });
  drawPageNumbers(doc, (page, total) => `Trang ${page}/${total}`);
  return finishDocument(doc);
}

describe('PDF document helpers', () => {
  it('prints the national heading, the agency block and the date line with Vietnamese letters intact', async () => {
    const [page] = await extractPdfPages(await sample(new Date('2026-01-05T00:00:00Z')));
    expect(page).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(page).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(page).toContain('UBND TỈNH ĐIỆN BIÊN');
    expect(page).toContain('SỞ TƯ PHÁP');
    expect(page).toContain('Số: 12/TB-STP');
    expect(page).toContain('Điện Biên, ngày 05 tháng 01 năm 2026');
    expect(page).toContain('THÔNG BÁO');
    expect(page).toContain('Người nhận: Lò Thị Thanh');
    // An empty value leaves a line to fill in by hand rather than a bare label.
    expect(page).toContain('Địa chỉ: …………………………………');
  });

  it('is byte-for-byte reproducible with a fixed creation date', async () => {
    const date = new Date('2026-01-05T00:00:00Z');
    const first = await sample(date);
    const second = await sample(date);
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(first.equals(second)).toBe(true);
    expect(first.equals(await sample(new Date('2026-01-06T00:00:00Z')))).toBe(false);
  });

  it('repeats the table header on every page and numbers the pages', async () => {
    const pages = await extractPdfPages(await sample(new Date('2026-01-05T00:00:00Z'), 80));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain('Nội dung');
      expect(page).toContain(`Trang ${i + 1}/${pages.length}`);
    });
    const all = pages.join(' ');
    for (let row = 1; row <= 80; row++) expect(all).toContain(`Dòng thứ ${row} — Mường Thanh`);
  });
});
