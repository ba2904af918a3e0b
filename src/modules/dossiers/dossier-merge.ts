import type { Tx } from '../../platform/database/database.js';
import { registerUnitMergeParticipant, type UnitMerge } from '../units/merge-unit.js';
import { FINISHED_STATUSES } from './dossier-status.js';
import { refreshMovedDossierFacts } from '../service-index/index-facts.js';

/**
 * When units merge (two-tier local government since 1 July 2025), open dossiers move to the surviving unit so
 * its officials carry on with them; finished dossiers keep the unit that handled them (the merged unit's row stays
 * as history). The merge's audit entry counts the moved dossiers.
 */
export async function moveOpenDossiers(tx: Tx, merge: UnitMerge): Promise<number> {
  const open = (column: 'unit_id' | 'receiving_unit_id' | 'current_unit_id') =>
    tx.updateTable('dossiers').set({ [column]: merge.survivorId }).where(column, '=', merge.mergedId).where('status', 'not in', FINISHED_STATUSES).executeTakeFirst();
  const handled = await open('unit_id');
  await open('receiving_unit_id');
  await open('current_unit_id');
  await refreshMovedDossierFacts(tx, merge.mergedId);
  return Number(handled.numUpdatedRows);
}

registerUnitMergeParticipant({ name: 'dossiers', onMerge: moveOpenDossiers });
