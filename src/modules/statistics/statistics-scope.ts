import type { Actor } from '../../platform/auth/actor.js';
import { ancestorIds, hasPermission, permittedUnits, subtreeIds } from '../../platform/auth/access.js';
import { Permission, ROLE_PERMISSIONS } from '../../platform/auth/roles.js';
import type { Executor } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { findActiveRoot } from '../units/units.repository.js';
import { UnitStatus } from '../units/units.schema.js';

export interface UnitRef {
  id: number;
  code: string;
  name: string;
}

export interface TreeUnit extends UnitRef {
  parentId: number | null;
  status: string;
}

/** The unit a statistics query is about, and the units whose figures it sums (its subtree, within the caller's scope). */
export interface StatisticsScope {
  unit: UnitRef;
  /** The unit and its descendants the caller may see: every figure is summed over these. */
  unitIds: number[];
  units: Map<number, TreeUnit>;
  /** Direct children of the unit within scope, ordered by code: the rows of the by-unit charts. */
  children: UnitRef[];
}

/**
 * Access first (report.view, Decision 766 dashboards): no report.view anywhere → FORBIDDEN; a unit outside the
 * caller's scope, or one that does not exist → NOT_FOUND (the caller may not learn it exists). Without a unit,
 * the caller's highest unit in scope (the province root for a province-wide grant).
 */
export async function resolveStatisticsScope(db: Executor, actor: Actor, unitId: number | undefined): Promise<StatisticsScope> {
  const scope = await permittedUnits(db, actor, Permission.ReportView);
  if (!scope.all && scope.unitIds.length === 0) throw new AppError('FORBIDDEN');
  let id = unitId;
  if (id === undefined) {
    id = scope.all ? (await findActiveRoot(db))?.id : await highestGrantedUnit(db, actor);
    if (id === undefined) throw new AppError('NOT_FOUND');
  } else if (!(await hasPermission(db, actor, Permission.ReportView, id))) {
    throw new AppError('NOT_FOUND');
  }
  const subtree = await subtreeIds(db, [Number(id)]);
  const visible = scope.all ? subtree : subtree.filter((u) => scope.unitIds.includes(u));
  return buildScope(db, Number(id), visible);
}

/** The whole province from its root, for the public statistics (no personal data, no scope). */
export async function provinceScope(db: Executor): Promise<StatisticsScope | undefined> {
  const root = await findActiveRoot(db);
  if (!root) return undefined;
  return buildScope(db, Number(root.id), await subtreeIds(db, [Number(root.id)]));
}

async function buildScope(db: Executor, id: number, unitIds: number[]): Promise<StatisticsScope> {
  const rows = unitIds.length === 0 ? [] : await db.selectFrom('units').select(['id', 'code', 'name', 'parent_id', 'status']).where('id', 'in', unitIds).execute();
  const units = new Map<number, TreeUnit>(
    rows.map((r) => [Number(r.id), { id: Number(r.id), code: r.code, name: r.name, parentId: r.parent_id === null ? null : Number(r.parent_id), status: r.status }]),
  );
  const self = units.get(id);
  if (!self) throw new AppError('NOT_FOUND');
  const children = [...units.values()]
    // A merged unit's dossiers moved to the unit it merged into (and its counters with them): no row of its own.
    .filter((u) => u.parentId === id && u.status === UnitStatus.Active)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map(({ id: childId, code, name }) => ({ id: childId, code, name }));
  return { unit: { id: self.id, code: self.code, name: self.name }, unitIds: [...units.keys()], units, children };
}

/** The granted unit nearest the root (fewest ancestors; the lowest id among equals). */
async function highestGrantedUnit(db: Executor, actor: Actor): Promise<number | undefined> {
  const granted = actor.grants
    .filter((g) => g.unitId !== null && ROLE_PERMISSIONS[g.role]?.includes(Permission.ReportView))
    .map((g) => g.unitId!);
  let best: { id: number; depth: number } | undefined;
  for (const id of [...new Set(granted)].sort((a, b) => a - b)) {
    const depth = (await ancestorIds(db, id)).length;
    if (depth > 0 && (!best || depth < best.depth)) best = { id, depth };
  }
  return best?.id;
}

/** For each unit of the scope, the child of the scope's unit whose subtree holds it (the unit itself maps to itself). */
export function childOf(scope: StatisticsScope): Map<number, number> {
  const top = new Map<number, number>();
  const childIds = new Set(scope.children.map((c) => c.id));
  for (const unit of scope.units.values()) {
    let cursor: TreeUnit | undefined = unit;
    while (cursor && cursor.id !== scope.unit.id && !childIds.has(cursor.id)) cursor = cursor.parentId === null ? undefined : scope.units.get(cursor.parentId);
    if (cursor) top.set(unit.id, cursor.id);
  }
  return top;
}
