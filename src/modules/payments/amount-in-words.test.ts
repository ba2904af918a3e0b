import { describe, expect, it } from 'vitest';
import { vndInWords } from './amount-in-words.js';

describe('vndInWords — số tiền bằng chữ', () => {
  it.each([
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi tư đồng'],
    [105, 'Một trăm linh năm đồng'],
    [1000, 'Một nghìn đồng'],
    [2005, 'Hai nghìn không trăm linh năm đồng'],
    [10000, 'Mười nghìn đồng'],
    [20000, 'Hai mươi nghìn đồng'],
    [115000, 'Một trăm mười lăm nghìn đồng'],
    [200000, 'Hai trăm nghìn đồng'],
    [1250000, 'Một triệu hai trăm năm mươi nghìn đồng'],
    [1000050, 'Một triệu không trăm năm mươi đồng'],
    [3000000000, 'Ba tỷ đồng'],
  ])('%i → %s', (amount, words) => {
    expect(vndInWords(amount)).toBe(words);
  });

  it('refuses fractions and negative amounts (money is whole đồng)', () => {
    expect(() => vndInWords(10.5)).toThrow(RangeError);
    expect(() => vndInWords(-1)).toThrow(RangeError);
  });
});
