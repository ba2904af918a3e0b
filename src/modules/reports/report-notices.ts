import { ROLE_PERMISSIONS, type PermissionCode, type RoleCode } from '../../platform/auth/roles.js';
import type { Executor } from '../../platform/database/database.js';
import { notify } from '../notifications/notify.js';

/**
 * Active users granted `permission` on the unit itself. Holders through a subtree grant higher up (a province
 * officer) are not told about every commune's report: the unit's own officers are the ones who owe it.
 */
export async function unitHolders(db: Executor, unitId: number, permission: PermissionCode): Promise<number[]> {
  const roles = (Object.keys(ROLE_PERMISSIONS) as RoleCode[]).filter((role) => ROLE_PERMISSIONS[role].includes(permission));
  if (roles.length === 0) return [];
  const rows = await db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .select('users.id')
    .distinct()
    .where('role_grants.unit_id', '=', unitId)
    .where('role_grants.role', 'in', roles)
    .where('users.status', '=', 'active')
    .orderBy('users.id')
    .execute();
  return rows.map((r) => Number(r.id));
}

/** Inbox + e-mail (through the outbox, after commit) to each holder. */
export async function notifyHolders(
  tx: Executor,
  input: { unitId: number; permission: PermissionCode; subject: string; body: string; link: string },
): Promise<number[]> {
  const users = await unitHolders(tx, input.unitId, input.permission);
  for (const userId of users) await notify(tx, { userId, subject: input.subject, body: input.body, link: input.link });
  return users;
}

export const assignmentLink = (publicUrl: string, id: number) => `${publicUrl}/office/reports/assignments/${id}`;
