import type { Actor } from '../../platform/auth/actor.js';
import { hasPermission } from '../../platform/auth/access.js';
import { ROLE_PERMISSIONS, type PermissionCode } from '../../platform/auth/roles.js';
import type { Executor } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';

/**
 * Who performs a use case: an authenticated actor (HTTP), or the operator at the server console (`cqs` CLI,
 * seeding), who already has full control of the machine and so passes every access check.
 */
export const SYSTEM = 'system' as const;
export type Performer = Actor | typeof SYSTEM;

export function holdsPermissionAnywhere(actor: Actor, permission: PermissionCode): boolean {
  return actor.grants.some((g) => ROLE_PERMISSIONS[g.role]?.includes(permission));
}

/** `hasPermission` for a performer: the system may do everything. */
export function performerMay(db: Executor, performer: Performer, permission: PermissionCode, unitId: number | null): Promise<boolean> {
  return performer === SYSTEM ? Promise.resolve(true) : hasPermission(db, performer, permission, unitId);
}

export async function requirePerformer(
  db: Executor,
  performer: Performer,
  permission: PermissionCode,
  unitId: number | null,
  hideAs: 'FORBIDDEN' | 'NOT_FOUND' = 'FORBIDDEN',
): Promise<void> {
  if (!(await performerMay(db, performer, permission, unitId))) throw new AppError(hideAs);
}
