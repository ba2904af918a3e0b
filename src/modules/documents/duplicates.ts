import type { Executor } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { Direction, DocumentStatus } from './document-status.js';

export interface IncomingIdentity {
  codeNumber: string;
  codeNotation: string;
  organId: string | null;
  organName: string;
}

/**
 * Domain.md §6: warn on a duplicate of number + notation + issuing agency among the unit's registered incoming
 * documents; the clerk confirms to register it anyway (409 DOCUMENT_DUPLICATE lists the earlier ones).
 */
export async function refuseDuplicate(tx: Executor, unitId: number, identity: IncomingIdentity, exceptId: number | null): Promise<void> {
  let q = tx
    .selectFrom('documents')
    .select(['id', 'arrival_number', 'arrival_date'])
    .where('unit_id', '=', unitId)
    .where('direction', '=', Direction.Incoming)
    .where('code_number', '=', identity.codeNumber)
    .where('code_notation', '=', identity.codeNotation)
    .where('arrival_number', 'is not', null)
    .where('status', '!=', DocumentStatus.Destroyed)
    .where((eb) => (identity.organId ? eb.or([eb('organ_id', '=', identity.organId), eb('organ_name', '=', identity.organName)]) : eb('organ_name', '=', identity.organName)));
  if (exceptId !== null) q = q.where('id', '!=', exceptId);
  const rows = await q.orderBy('id').limit(20).execute();
  if (rows.length === 0) return;
  throw new AppError(
    'DOCUMENT_DUPLICATE',
    { codeNumber: identity.codeNumber, codeNotation: identity.codeNotation, organName: identity.organName },
    undefined,
    { duplicates: rows.map((r) => ({ id: Number(r.id), arrivalNumber: r.arrival_number === null ? null : Number(r.arrival_number), arrivalDate: r.arrival_date })) },
  );
}
