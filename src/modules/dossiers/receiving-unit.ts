import { ancestorIds } from '../../platform/auth/access.js';
import type { Db } from '../../platform/database/database.js';
import type { ProcedureDocument } from '../procedures/procedures.schema.js';

/**
 * The one-stop desk for a dossier (Decree 61/2018 art. 7): province-level procedures are received by the
 * province's public administration service centre (a unit of type `center` directly under the province),
 * commune-level ones by the commune's own one-stop section (the commune itself). Without a centre, the
 * competent unit receives its dossiers itself.
 */
export async function receivingUnitFor(db: Db, document: Pick<ProcedureDocument, 'level'>, handlingUnitId: number): Promise<number> {
  if (document.level !== 'province') return handlingUnitId;
  const chain = await ancestorIds(db, handlingUnitId);
  const root = chain[chain.length - 1];
  const centre = await db
    .selectFrom('units')
    .select('id')
    .where('parent_id', '=', root)
    .where('type', '=', 'center')
    .where('status', '=', 'active')
    .orderBy('id')
    .executeTakeFirst();
  return centre ? Number(centre.id) : handlingUnitId;
}
