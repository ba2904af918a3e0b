import { describe, expect, it } from 'vitest';
import { escapeLike, foldVietnamese } from './fold.js';

describe('foldVietnamese', () => {
  it('drops tones and vowel marks, maps đ to d and lower-cases', () => {
    expect(foldVietnamese('Nguyễn Văn Đức')).toBe('nguyen van duc');
    expect(foldVietnamese('ĐIỆN BIÊN PHỦ')).toBe('dien bien phu');
    expect(foldVietnamese('Sở Tư pháp')).toBe('so tu phap');
    expect(foldVietnamese('Mường Thanh, Ưng Ước')).toBe('muong thanh, ung uoc');
  });

  it('gives the same result for precomposed (NFC) and decomposed (NFD) input', () => {
    const nfc = 'Trần Thị Hồng'.normalize('NFC');
    const nfd = 'Trần Thị Hồng'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect(foldVietnamese(nfc)).toBe(foldVietnamese(nfd));
  });

  it('collapses whitespace and keeps digits and punctuation', () => {
    expect(foldVietnamese('  Phòng   Hành chính\t– 01 ')).toBe('phong hanh chinh – 01');
  });
});

describe('escapeLike', () => {
  it('escapes LIKE wildcards so user input matches literally', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});
