import type { Me, Unit } from '../api/types';
import { subtreeIds } from '../units/unit-tree';

/**
 * The units the filters offer: those of the user's grants (with their subtree when the grant includes it). The server
 * decides what may be seen (permittedUnits for report.view); a unit it refuses answers 404 and the page says so.
 */
export function unitsInScope(me: Me, units: Unit[]): Unit[] {
  const ids = new Set<number>();
  for (const grant of me.roles) {
    if (grant.unitId === null) continue;
    if (grant.includeSubtree) for (const id of subtreeIds(units, grant.unitId)) ids.add(id);
    else ids.add(grant.unitId);
  }
  return units.filter((unit) => ids.has(unit.id) && unit.status !== 'merged');
}
