import { ancestorIds, hasPermission } from '../../platform/auth/access.js';
import type { Grant } from '../../platform/auth/actor.js';
import { Permission, ROLE_PERMISSIONS, Role, type RoleCode } from '../../platform/auth/roles.js';
import type { Executor } from '../../platform/database/database.js';
import type { UserRow } from '../../platform/database/schema.js';
import { AppError } from '../../platform/errors/app-error.js';
import { loadGrants } from '../../platform/auth/authenticate.js';
import { SYSTEM, performerMay, type Performer } from './performer.js';
import { UserKind, type GrantInput } from './users.schema.js';

/** The unit an account belongs to for access checks; citizens (and officials without a unit) are province-wide. */
export function accountUnit(user: Pick<UserRow, 'kind' | 'unit_id'>): number | null {
  return user.kind === UserKind.Citizen || user.unit_id === null ? null : Number(user.unit_id);
}

/** Anyone may read their own account; others need user.read on its unit (province-wide for citizens). */
export async function mayReadUser(db: Executor, performer: Performer, user: UserRow): Promise<boolean> {
  if (performer === SYSTEM || performer.userId === Number(user.id)) return true;
  return hasPermission(db, performer, Permission.UserRead, accountUnit(user));
}

/**
 * Does one of the actor's grants (filtered by `holds`) reach `unitId` — and, for a subtree grant being
 * handed out, the whole subtree below it? `null` is province-wide and needs a subtree grant on a root.
 */
async function grantsReach(db: Executor, grants: Grant[], unitId: number | null, subtree: boolean): Promise<boolean> {
  const roots = async () =>
    new Set((await db.selectFrom('units').select('id').where('parent_id', 'is', null).execute()).map((r) => Number(r.id)));
  if (unitId === null) {
    const rootIds = await roots();
    return grants.some((g) => g.includeSubtree && g.unitId !== null && rootIds.has(g.unitId));
  }
  if (grants.some((g) => g.unitId === unitId && (g.includeSubtree || !subtree))) return true;
  const above = new Set((await ancestorIds(db, unitId)).filter((id) => id !== unitId));
  return grants.some((g) => g.includeSubtree && g.unitId !== null && above.has(g.unitId));
}

/**
 * Least privilege (Decree 85/2016): a grant may be handed out — or taken away — only by someone whose own
 * user.manage reaches as far as the grant does, and `admin` only by an admin whose grant covers it.
 */
export async function mayGrant(db: Executor, performer: Performer, grant: GrantInput): Promise<boolean> {
  if (performer === SYSTEM) return true;
  const subtree = grant.includeSubtree ?? false;
  const managers = performer.grants.filter((g) => ROLE_PERMISSIONS[g.role]?.includes(Permission.UserManage));
  if (!(await grantsReach(db, managers, grant.unitId, subtree))) return false;
  if (grant.role !== Role.Admin) return true;
  return grantsReach(db, performer.grants.filter((g) => g.role === Role.Admin), grant.unitId, subtree);
}

export async function assertMayGrant(db: Executor, performer: Performer, grant: GrantInput): Promise<void> {
  if (!(await mayGrant(db, performer, grant))) throw new AppError('GRANT_ESCALATION', { role: grant.role });
}

/**
 * To manage an account (edit, disable, reset its password or TOTP) the performer needs user.manage on its
 * unit and must be able to grant each of its roles — otherwise a unit admin could take over a more powerful
 * account. An account the performer may not even read answers 404.
 */
export async function requireUserManager(db: Executor, performer: Performer, user: UserRow): Promise<void> {
  if (!(await mayReadUser(db, performer, user))) throw new AppError('NOT_FOUND');
  if (!(await performerMay(db, performer, Permission.UserManage, accountUnit(user)))) throw new AppError('FORBIDDEN');
  for (const grant of await loadGrants(db, Number(user.id))) {
    if (!(await mayGrant(db, performer, grant))) throw new AppError('FORBIDDEN');
  }
}

/** Citizens hold only the citizen role; officials never do. */
export function roleFitsKind(role: RoleCode, kind: string): boolean {
  return kind === UserKind.Citizen ? role === Role.Citizen : role !== Role.Citizen;
}

