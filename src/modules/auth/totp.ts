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

const STEP_SECONDS = 30;

/** The time step the code belongs to (now ± 1 step), or null when it matches none. */
export function matchTotpStep(code: string, secret: string | null, now = Date.now()): number | null {
  if (!secret) return null;
  try {
    const delta = totp.checkDelta(code, secret);
    return delta === null ? null : Math.floor(now / 1000 / STEP_SECONDS) + delta;
  } catch {
    // A malformed stored secret must not turn into a 500 on the login page.
    return null;
  }
}
