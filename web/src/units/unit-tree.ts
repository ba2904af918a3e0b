import type { Unit } from '../api/types';

export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
}

/** The flat list from GET /api/units (in tree order) as a forest; siblings keep the server's order. */
export function buildUnitForest(units: Unit[], includeMerged: boolean): UnitNode[] {
  const visible = units.filter((unit) => includeMerged || unit.status !== 'merged');
  const nodes = new Map(visible.map((unit) => [unit.id, { unit, children: [] as UnitNode[] }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId === null ? undefined : nodes.get(node.unit.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** Ids of the unit and all of its descendants — not valid as its new parent (UNIT_CYCLE). */
export function subtreeIds(units: Unit[], rootId: number): Set<number> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId !== null && ids.has(unit.parentId) && !ids.has(unit.id)) {
        ids.add(unit.id);
        grew = true;
      }
    }
  }
  return ids;
}
