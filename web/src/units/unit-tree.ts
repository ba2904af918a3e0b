import type { Unit } from '../api/types';

export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
}

/** The flat list from GET /api/units as a forest, siblings sorted by name (Vietnamese collation). */
export function buildUnitForest(units: Unit[], includeMerged: boolean): UnitNode[] {
  const visible = units.filter((unit) => includeMerged || unit.status !== 'merged');
  const nodes = new Map(visible.map((unit) => [unit.id, { unit, children: [] as UnitNode[] }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId === null ? undefined : nodes.get(node.unit.parentId);
    (parent ? parent.children : roots).push(node);
  }
  const collator = new Intl.Collator('vi');
  const sort = (list: UnitNode[]) => {
    list.sort((a, b) => collator.compare(a.unit.name, b.unit.name));
    list.forEach((node) => sort(node.children));
  };
  sort(roots);
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
