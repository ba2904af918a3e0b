import { mustEnrolMfa } from '../../platform/auth/authenticate.js';
import type { Grant } from '../../platform/auth/actor.js';
import { ROLE_LABELS, ROLE_PERMISSIONS, isRole } from '../../platform/auth/roles.js';
import type { Executor } from '../../platform/database/database.js';
import type { Language } from '../../platform/i18n/language.js';
import { findUnit, getUser, listGrantsWithUnits } from './auth.repository.js';
import type { Me } from './auth.schema.js';

export interface SessionView {
  csrfToken: string | null;
  expiresAt: string;
}

/** The signed-in user as the web app needs it: profile, unit, roles with labels and the permission union. */
export async function getMe(db: Executor, userId: number, session: SessionView, language: Language): Promise<Me> {
  const user = await getUser(db, userId);
  const unit = user.unit_id === null ? undefined : await findUnit(db, user.unit_id);
  const rows = (await listGrantsWithUnits(db, user.id)).filter((row) => isRole(row.role));
  const grants: Grant[] = rows.map((row) => ({
    role: row.role as Grant['role'],
    unitId: row.unit_id,
    includeSubtree: row.include_subtree === 1,
  }));
  const permissions = new Set(grants.flatMap((grant) => ROLE_PERMISSIONS[grant.role]));
  return {
    id: user.id,
    username: user.username,
    fullName: user.full_name,
    kind: user.kind as Me['kind'],
    email: user.email,
    title: user.title,
    unit: unit ? { id: Number(unit.id), code: unit.code, name: unit.name } : null,
    roles: rows.map((row, i) => ({
      role: grants[i].role,
      roleLabel: ROLE_LABELS[grants[i].role][language],
      unitId: row.unit_id,
      unitName: row.unit_name ?? null,
      includeSubtree: grants[i].includeSubtree,
    })),
    permissions: [...permissions].sort(),
    totpEnabled: user.totp_enabled === 1,
    mfaEnrolmentRequired: mustEnrolMfa(user, grants),
    csrfToken: session.csrfToken,
    sessionExpiresAt: session.expiresAt,
  };
}
