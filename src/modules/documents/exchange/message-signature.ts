import { createHmac, timingSafeEqual } from 'node:crypto';

/** Headers every exchange message carries (both directions). */
export const ExchangeHeader = {
  /** Organ id of the sending instance (its root organisation as the receiver registered it). */
  From: 'x-exchange-from',
  /** Unix milliseconds when the message was signed. */
  Timestamp: 'x-exchange-timestamp',
  /** Hex HMAC-SHA256 of `${timestamp}.${body}` under the peers' shared secret. */
  Signature: 'x-exchange-signature',
} as const;

/** A message older or newer than this is refused: a captured one cannot be replayed later. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export function signMessage(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** Signature and freshness of a received message; compares in constant time. */
export function isAuthentic(secret: string, timestampHeader: string | undefined, signature: string | undefined, body: string, now = Date.now()): boolean {
  if (!timestampHeader || !signature || !/^\d{1,15}$/.test(timestampHeader) || !/^[0-9a-f]{64}$/.test(signature)) return false;
  const timestamp = Number(timestampHeader);
  if (Math.abs(now - timestamp) > MAX_CLOCK_SKEW_MS) return false;
  const expected = Buffer.from(signMessage(secret, timestamp, body), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}

/** The headers for sending `body` to a peer. */
export function signedHeaders(fromOrganId: string, secret: string, body: string, now = Date.now()): Record<string, string> {
  return {
    'content-type': 'application/xml; charset=utf-8',
    [ExchangeHeader.From]: fromOrganId,
    [ExchangeHeader.Timestamp]: String(now),
    [ExchangeHeader.Signature]: signMessage(secret, now, body),
  };
}
