import { sql } from 'kysely';
import type { Executor } from '../database/database.js';
import { AppError } from '../errors/app-error.js';
import type { Actor } from './actor.js';
import { ROLE_PERMISSIONS, type PermissionCode } from './roles.js';

/** The unit and all its ancestors up to the root, nearest first. */
export async function ancestorIds(db: Executor, unitId: number): Promise<number[]> {
  const rows = await db
    .withRecursive('chain(id, parent_id, depth)', (qb) =>
      qb
        .selectFrom('units')
        .select(['id', 'parent_id', sql<number>`0`.as('depth')])
        .where('id', '=', unitId)
        .unionAll((qb2) =>
          qb2
            .selectFrom('units')
            .innerJoin('chain', 'chain.parent_id', 'units.id')
            .select(['units.id', 'units.parent_id', sql<number>`chain.depth + 1`.as('depth')]),
        ),
    )
    .selectFrom('chain')
    .select('id')
    .orderBy('depth')
    .execute();
  return rows.map((r) => Number(r.id));
}

/** The unit and all its descendants. */
export async function subtreeIds(db: Executor, unitIds: number[]): Promise<number[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .withRecursive('tree(id)', (qb) =>
      qb
        .selectFrom('units')
        .select('id')
        .where('id', 'in', unitIds)
        .union((qb2) => qb2.selectFrom('units').innerJoin('tree', 'tree.id', 'units.parent_id').select('units.id')),
    )
    .selectFrom('tree')
    .select('id')
    .execute();
  return rows.map((r) => Number(r.id));
}

function grantsWith(actor: Actor, permission: PermissionCode) {
  return actor.grants.filter((grant) => ROLE_PERMISSIONS[grant.role]?.includes(permission));
}

/**
 * May the actor use `permission` on something that belongs to `unitId`? Deny by default.
 * `unitId = null` means province-wide (e.g. citizens' accounts): it needs a subtree grant on a root unit.
 */
export async function hasPermission(
  db: Executor,
  actor: Actor,
  permission: PermissionCode,
  unitId: number | null,
): Promise<boolean> {
  const grants = grantsWith(actor, permission);
  if (grants.length === 0) return false;
  if (unitId === null) {
    const roots = await db.selectFrom('units').select('id').where('parent_id', 'is', null).execute();
    const rootIds = new Set(roots.map((r) => Number(r.id)));
    return grants.some((g) => g.includeSubtree && g.unitId !== null && rootIds.has(g.unitId));
  }
  if (grants.some((g) => g.unitId === unitId)) return true;
  const subtreeGrants = grants.filter((g) => g.includeSubtree && g.unitId !== null);
  if (subtreeGrants.length === 0) return false;
  const chain = new Set(await ancestorIds(db, unitId));
  return subtreeGrants.some((g) => chain.has(g.unitId!));
}

/** Throws FORBIDDEN, or NOT_FOUND when the caller should not learn that the record exists. */
export async function requirePermission(
  db: Executor,
  actor: Actor,
  permission: PermissionCode,
  unitId: number | null,
  hideAs: 'FORBIDDEN' | 'NOT_FOUND' = 'FORBIDDEN',
): Promise<void> {
  if (!(await hasPermission(db, actor, permission, unitId))) throw new AppError(hideAs);
}

export interface UnitScope {
  /** Province-wide: every unit and records without a unit. */
  all: boolean;
  unitIds: number[];
}

/** Every unit on which the actor holds `permission`, for filtering lists. */
export async function permittedUnits(db: Executor, actor: Actor, permission: PermissionCode): Promise<UnitScope> {
  const grants = grantsWith(actor, permission);
  if (grants.length === 0) return { all: false, unitIds: [] };
  if (await hasPermission(db, actor, permission, null)) return { all: true, unitIds: [] };
  const direct = grants.filter((g) => !g.includeSubtree && g.unitId !== null).map((g) => g.unitId!);
  const tree = await subtreeIds(
    db,
    grants.filter((g) => g.includeSubtree && g.unitId !== null).map((g) => g.unitId!),
  );
  return { all: false, unitIds: [...new Set([...direct, ...tree])] };
}
