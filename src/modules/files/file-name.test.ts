import { describe, expect, it } from 'vitest';
import { contentDisposition, sanitiseFileName } from './file-name.js';

describe('uploaded file names', () => {
  it.each([
    ['Tờ khai.pdf', 'application/pdf', 'Tờ khai.pdf'],
    ['C:\\Users\\An\\Desktop\\đơn.pdf', 'application/pdf', 'đơn.pdf'],
    ['../../etc/passwd', 'application/pdf', 'passwd.pdf'],
    ['hoso\u202efdp.exe', 'application/pdf', 'hosofdp.exe.pdf'],
    ['a\u0000b\r\n.png', 'image/png', 'ab.png'],
    ['ảnh<1>:?.JPG', 'image/jpeg', 'ảnh_1___.JPG'],
    ['giay-to.pdf', 'image/png', 'giay-to.pdf.png'],
    ['...', 'application/pdf', 'tep-tin.pdf'],
    [undefined, 'image/jpeg', 'tep-tin.jpg'],
    ['  .bashrc  ', 'image/png', 'bashrc.png'],
  ] as const)('%j as %s becomes %j', (raw, mediaType, expected) => {
    expect(sanitiseFileName(raw, mediaType)).toBe(expected);
  });

  it('stores one Unicode form (NFC) of Vietnamese letters', () => {
    const decomposed = 'Gia\u0302\u0301y.pdf'.normalize('NFD');
    expect(sanitiseFileName(decomposed, 'application/pdf')).toBe('Giấy.pdf');
  });

  it('bounds the length and keeps the extension', () => {
    const name = sanitiseFileName(`${'ệ'.repeat(500)}.pdf`, 'application/pdf');
    expect([...name]).toHaveLength(200);
    expect(name.endsWith('ệ.pdf')).toBe(true);
  });

  it('offers an ASCII fallback and the exact UTF-8 name on download (RFC 6266, RFC 8187)', () => {
    expect(contentDisposition('Đơn "xin" việc\'s.pdf')).toBe(
      `attachment; filename="Don _xin_ viec's.pdf"; filename*=UTF-8''%C4%90%C6%A1n%20%22xin%22%20vi%E1%BB%87c%27s.pdf`,
    );
  });
});
