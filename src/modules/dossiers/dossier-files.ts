import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/database/database.js';
import { viewDossier } from './dossier-access.js';

/**
 * Files that belong to dossiers: the applicant reads what is in their data store (their uploads and results);
 * officials read the components and results of dossiers they may see. Deny by default.
 */
export async function canReadDossierFile(db: Executor, actor: Actor, fileId: string): Promise<boolean> {
  const stored = await db.selectFrom('applicant_documents').select('id').where('owner_user_id', '=', actor.userId).where('file_id', '=', fileId).executeTakeFirst();
  if (stored) return true;
  if (actor.kind !== 'official') return false;
  const dossiers = await db
    .selectFrom('dossiers')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('result_file_id', '=', fileId),
        eb('id', 'in', eb.selectFrom('dossier_components').select('dossier_id').where('file_id', '=', fileId)),
      ]),
    )
    .limit(50)
    .execute();
  for (const dossier of dossiers) {
    if ((await viewDossier(db, actor, dossier)).mayRead) return true;
  }
  return false;
}
