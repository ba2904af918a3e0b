import { formatDate } from '../format/date';

export type Validity = 'valid' | 'expired' | 'not_yet_valid';

/** Whether a certificate may sign now: the signing time must fall within notBefore … notAfter (RFC 5280 §4.1.2.5). */
export function validityAt(notBefore: string, notAfter: string, now = new Date()): Validity {
  if (now.getTime() < new Date(notBefore).getTime()) return 'not_yet_valid';
  if (now.getTime() > new Date(notAfter).getTime()) return 'expired';
  return 'valid';
}

/** `01/01/2026 – 31/12/2028` */
export const validityRange = (notBefore: string, notAfter: string) => ({ from: formatDate(notBefore), to: formatDate(notAfter) });
