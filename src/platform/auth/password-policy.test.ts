import { describe, expect, it } from 'vitest';
import { passwordWeakness } from './password-policy.js';
import { hashPassword, verifyPassword } from './password.js';

describe('password policy', () => {
  it('refuses short, common, monotonous and username-based passwords', () => {
    expect(passwordWeakness('Ngắn-quá-1')?.en).toMatch(/at least 12/);
    expect(passwordWeakness('password1234')?.en).toMatch(/too common/);
    expect(passwordWeakness('aaaaaaaaaaaaaa')?.en).toBeDefined();
    expect(passwordWeakness('nguyenvanan-2026!', { username: 'nguyenvanan' })?.en).toMatch(/username/);
  });

  it('accepts a long, uncommon passphrase, counting Vietnamese letters as one character each', () => {
    expect(passwordWeakness('Hoa ban nở trắng Mường Thanh')).toBeUndefined();
    expect(passwordWeakness('Đồi A1 năm 1954')).toBeUndefined();
  });
});

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one, with a fresh salt each time', async () => {
    const hash = await hashPassword('Điện Biên Phủ 1954!');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await hashPassword('Điện Biên Phủ 1954!')).not.toBe(hash);
    expect(await verifyPassword('Điện Biên Phủ 1954!', hash)).toBe(true);
    expect(await verifyPassword('Dien Bien Phu 1954!', hash)).toBe(false);
    expect(await verifyPassword('anything', null)).toBe(false);
  });
});
