import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFees, MAX_FEE_QUANTITY, type QuoteChannel } from './fees.js';
import type { Fee, FeeReduction } from './procedures.schema.js';

const onlineHalf: FeeReduction = { code: 'truc_tuyen', name: 'Nộp trực tuyến: giảm 50%', percent: 50, when: { channel: 'online' } };
const poorExempt: FeeReduction = { code: 'ho_ngheo', name: 'Hộ nghèo: miễn lệ phí', percent: 100, when: { field: 'hoNgheo' } };

describe('computeFees', () => {
  it('charges the base amount when nothing reduces it', () => {
    const quote = computeFees({ fees: [{ code: 'le_phi', name: 'Lệ phí', amountVnd: 20_000 }], feeReductions: [onlineHalf] }, {}, 'counter');
    expect(quote).toEqual({
      totalVnd: 20_000,
      lines: [{ code: 'le_phi', name: 'Lệ phí', unitAmountVnd: 20_000, quantity: 1, amountVnd: 20_000, reduction: null, payableVnd: 20_000 }],
    });
  });

  it('halves the fee online (thường trú: 20.000 → 10.000)', () => {
    const quote = computeFees({ fees: [{ code: 'le_phi', name: 'Lệ phí', amountVnd: 20_000 }], feeReductions: [onlineHalf] }, {}, 'online');
    expect(quote.totalVnd).toBe(10_000);
    expect(quote.lines[0]).toMatchObject({ amountVnd: 20_000, payableVnd: 10_000, reduction: { code: 'truc_tuyen', name: onlineHalf.name, percent: 50, amountVnd: 10_000 } });
  });

  it('rounds the reduction down, so the payer owes the odd đồng', () => {
    const quote = computeFees({ fees: [{ code: 'phi', name: 'Phí', amountVnd: 15_001 }], feeReductions: [onlineHalf] }, {}, 'online');
    expect(quote.lines[0]).toMatchObject({ reduction: { amountVnd: 7_500 }, payableVnd: 7_501 });
  });

  it('multiplies by a whole-number form field and caps the line at its maximum', () => {
    const fees: Fee[] = [{ code: 'phi_chung_thuc', name: 'Phí chứng thực', amountVnd: 2_000, quantityField: 'soTrang', maximumVnd: 200_000 }];
    expect(computeFees({ fees }, { soTrang: 7 }, 'counter').lines[0]).toMatchObject({ unitAmountVnd: 2_000, quantity: 7, amountVnd: 14_000, payableVnd: 14_000 });
    expect(computeFees({ fees }, { soTrang: 150 }, 'counter').totalVnd).toBe(200_000);
  });

  it('counts one unit when the quantity is missing, zero, negative, fractional or text', () => {
    const fees: Fee[] = [{ code: 'phi', name: 'Phí cấp bản sao', amountVnd: 8_000, quantityField: 'soBanSao' }];
    for (const soBanSao of [undefined, 0, -3, 2.5, '4', null, true]) {
      expect(computeFees({ fees }, { soBanSao }, 'online').lines[0]?.quantity, String(soBanSao)).toBe(1);
    }
    expect(computeFees({ fees }, undefined, 'online').totalVnd).toBe(8_000);
  });

  it('counts at most MAX_FEE_QUANTITY units, so an absurd number in the form cannot break the arithmetic', () => {
    const fees: Fee[] = [{ code: 'phi', name: 'Phí', amountVnd: 1_000_000_000, quantityField: 'soBan' }];
    const quote = computeFees({ fees }, { soBan: Number.MAX_SAFE_INTEGER }, 'counter');
    expect(quote.lines[0]).toMatchObject({ quantity: MAX_FEE_QUANTITY, amountVnd: 1_000_000_000 * MAX_FEE_QUANTITY });
    expect(Number.isSafeInteger(quote.totalVnd)).toBe(true);
  });

  it('exempts by a ticked form checkbox, and applies the largest reduction only (never stacked)', () => {
    const source = { fees: [{ code: 'le_phi', name: 'Lệ phí', amountVnd: 20_000 }, { code: 'phi', name: 'Phí', amountVnd: 5_000 }], feeReductions: [onlineHalf, poorExempt] };
    const exempt = computeFees(source, { hoNgheo: true }, 'online');
    expect(exempt.totalVnd).toBe(0);
    expect(exempt.lines.map((line) => line.reduction?.code)).toEqual(['ho_ngheo', 'ho_ngheo']);
    expect(computeFees(source, { hoNgheo: false }, 'online').totalVnd).toBe(12_500);
    expect(computeFees(source, { hoNgheo: 'true' }, 'counter').totalVnd).toBe(25_000);
  });

  it('matches `equals` exactly and requires every condition of a reduction', () => {
    const veteran: FeeReduction = { code: 'nguoi_co_cong', name: 'Người có công', percent: 30, when: { channel: 'counter', field: 'doiTuong', equals: 'Người có công' } };
    const source = { fees: [{ code: 'le_phi', name: 'Lệ phí', amountVnd: 10_000 }], feeReductions: [veteran] };
    expect(computeFees(source, { doiTuong: 'Người có công' }, 'counter').totalVnd).toBe(7_000);
    expect(computeFees(source, { doiTuong: 'Người có công' }, 'online').totalVnd).toBe(10_000);
    expect(computeFees(source, { doiTuong: 'Khác' }, 'counter').totalVnd).toBe(10_000);
  });

  it('leaves a free line without a reduction and a postal filing without channel reductions', () => {
    const quote = computeFees({ fees: [{ code: 'le_phi', name: 'Lệ phí (miễn)', amountVnd: 0 }], feeReductions: [onlineHalf] }, {}, 'online');
    expect(quote.lines[0]).toMatchObject({ amountVnd: 0, reduction: null, payableVnd: 0 });
    expect(computeFees({ fees: [{ code: 'le_phi', name: 'Lệ phí', amountVnd: 20_000 }], feeReductions: [onlineHalf] }, {}, 'postal').totalVnd).toBe(20_000);
  });
});

const fee = fc.record(
  {
    code: fc.constantFrom('a', 'b', 'c'),
    name: fc.constant('Phí'),
    amountVnd: fc.integer({ min: 0, max: 10_000_000 }),
    quantityField: fc.constant('soLuong'),
    maximumVnd: fc.integer({ min: 0, max: 100_000_000 }),
  },
  { requiredKeys: ['code', 'name', 'amountVnd'] },
);
const reduction = fc.record({
  code: fc.constantFrom('r1', 'r2', 'r3'),
  name: fc.constant('Giảm'),
  percent: fc.integer({ min: 1, max: 100 }),
  when: fc.record({ channel: fc.constantFrom('online' as const, 'counter' as const), field: fc.constant('hoNgheo') }, { requiredKeys: [] }),
});
const source = fc.record({ fees: fc.array(fee, { maxLength: 4 }), feeReductions: fc.array(reduction, { maxLength: 3 }) });
const channel = fc.constantFrom<QuoteChannel>('online', 'counter', 'postal');
const form = fc.record({ soLuong: fc.oneof(fc.integer({ min: -5, max: 1_000 }), fc.double(), fc.string()), hoNgheo: fc.boolean() }, { requiredKeys: [] });

describe('computeFees properties', () => {
  it('pays a whole, non-negative amount never above the base, and the total adds up the lines', () => {
    fc.assert(
      fc.property(source, form, channel, (document, values, via) => {
        const quote = computeFees(document, values, via);
        for (const line of quote.lines) {
          expect(Number.isSafeInteger(line.payableVnd)).toBe(true);
          expect(line.payableVnd).toBeGreaterThanOrEqual(0);
          expect(line.payableVnd).toBeLessThanOrEqual(line.amountVnd);
          expect(line.payableVnd + (line.reduction?.amountVnd ?? 0)).toBe(line.amountVnd);
        }
        const base = quote.lines.reduce((sum, line) => sum + line.amountVnd, 0);
        expect(quote.totalVnd).toBe(quote.lines.reduce((sum, line) => sum + line.payableVnd, 0));
        expect(quote.totalVnd).toBeLessThanOrEqual(base);
      }),
    );
  });

  it('never charges less for more units', () => {
    fc.assert(
      fc.property(source, fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 0, max: 1_000 }), fc.boolean(), channel, (document, n, more, poor, via) => {
        const fewer = computeFees(document, { soLuong: n, hoNgheo: poor }, via);
        const larger = computeFees(document, { soLuong: n + more, hoNgheo: poor }, via);
        expect(larger.totalVnd).toBeGreaterThanOrEqual(fewer.totalVnd);
      }),
    );
  });
});
