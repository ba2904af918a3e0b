import { authenticator } from 'otplib';

/** Shown in the authenticator app next to the account name. */
export const TOTP_ISSUER = 'Chính quyền số';

// RFC 6238 defaults (30 s steps, 6 digits, SHA-1), accepting one step either side for clock drift.
const totp = authenticator.clone({ window: 1, step: 30 });

export function newTotpSecret(): string {
  return totp.generateSecret();
}

export function totpUri(username: string, secret: string): string {
  return totp.keyuri(username, TOTP_ISSUER, secret);
}

export function isValidTotp(code: string, secret: string | null): boolean {
  if (!secret) return false;
  try {
    return totp.check(code, secret);
  } catch {
    // A malformed stored secret must not turn into a 500 on the login page.
    return false;
  }
}
