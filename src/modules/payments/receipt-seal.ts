import type { Db } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { PdfSigner } from '../signing/pdf-signer.js';
import { hasUnitSeal, resolveSealSigner } from '../signing/resolve-signer.js';
import type { SecretBox } from '../signing/secret-box.js';

/**
 * The collecting unit's seal for its receipts, or undefined when it has none usable: a receipt must stay
 * downloadable, so an expired seal certificate gives the unsigned receipt (which says so) rather than an error.
 */
export async function findReceiptSeal(db: Db, secrets: SecretBox, unitId: number): Promise<PdfSigner | undefined> {
  if (!(await hasUnitSeal(db, unitId))) return undefined;
  try {
    return (await resolveSealSigner(db, secrets, unitId)).signer;
  } catch (error) {
    if (error instanceof AppError && error.code === 'SIGNING_CERTIFICATE_EXPIRED') return undefined;
    throw error;
  }
}
