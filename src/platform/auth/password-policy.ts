import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../errors/app-error.js';
import { foldVietnamese } from '../text/fold.js';

export const MIN_PASSWORD_LENGTH = 12;

// ~49,000 passwords seen most often in breaches (zxcvbn-ts common list) plus Vietnamese favourites.
const COMMON = new Set<string>([
  ...(dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()),
  'matkhau123456',
  'matkhaumoi123',
  'vietnam123456',
  'anhyeuem12345',
  'emyeuanh12345',
  'dienbien123456',
  'quantri123456',
  'chinhquyenso1',
]);


/** Why a password is refused (Vietnamese and English), or undefined when it is acceptable. */
export function passwordWeakness(password: string, context: { username?: string } = {}): { vi: string; en: string } | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return { vi: `cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`, en: `use at least ${MIN_PASSWORD_LENGTH} characters.` };
  }
  const folded = foldVietnamese(password);
  if (COMMON.has(password.toLowerCase()) || COMMON.has(folded) || COMMON.has(folded.replace(/[\d\W_]+$/, ''))) {
    return { vi: 'mật khẩu này quá phổ biến, dễ bị đoán.', en: 'this password is too common.' };
  }
  if (/^(.)\1+$/.test(password) || new Set(password).size < 4) {
    return { vi: 'mật khẩu có quá ít ký tự khác nhau.', en: 'it has too few different characters.' };
  }
  if (context.username && context.username.length >= 3 && folded.includes(foldVietnamese(context.username))) {
    return { vi: 'mật khẩu không được chứa tên đăng nhập.', en: 'it must not contain the username.' };
  }
  return undefined;
}

/** Throws WEAK_PASSWORD (400) with the reason in the caller's language. */
export function assertStrongPassword(
  password: string,
  language: 'vi' | 'en',
  context: { username?: string; /** Body field the error points at (default `/password`). */ fieldPath?: string } = {},
): void {
  const weakness = passwordWeakness(password, context);
  if (weakness) {
    const path = context.fieldPath ?? '/password';
    throw new AppError('WEAK_PASSWORD', { reason: weakness[language] }, [{ path, message: weakness[language] }]);
  }
}
