import { ancestorIds, permittedUnits, subtreeIds } from '../../platform/auth/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import { Permission, ROLE_PERMISSIONS, type RoleCode } from '../../platform/auth/roles.js';
import type { Executor } from '../../platform/database/database.js';
import type { DossierRow } from '../../platform/database/schema.js';

/** What the caller is to one dossier: its applicant, and which roles they hold on each unit involved. */
export interface DossierViewer {
  actor: Actor;
  isApplicant: boolean;
  /** Roles the actor holds on a unit (a direct grant there, or a subtree grant on an ancestor). */
  rolesAt(unitId: number | null): Set<RoleCode>;
  mayRead: boolean;
}

export async function viewDossier(db: Executor, actor: Actor, dossier: DossierRow): Promise<DossierViewer> {
  const isApplicant = dossier.owner_user_id !== null && dossier.owner_user_id === actor.userId;
  const units = [dossier.unit_id, dossier.receiving_unit_id, dossier.current_unit_id].filter((id): id is number => id !== null);
  const chains = new Map<number, number[]>();
  // Only a subtree grant reaches a unit through its ancestors; direct grants (and citizens' unit-less ones) need no chain.
  if (actor.grants.some((grant) => grant.unitId !== null && grant.includeSubtree)) {
    for (const unitId of new Set(units)) chains.set(unitId, await ancestorIds(db, unitId));
  }
  const rolesAt = (unitId: number | null): Set<RoleCode> => {
    const roles = new Set<RoleCode>();
    if (unitId === null) return roles;
    const chain = chains.get(unitId) ?? [];
    for (const grant of actor.grants) {
      if (grant.unitId === unitId || (grant.includeSubtree && grant.unitId !== null && chain.includes(grant.unitId))) roles.add(grant.role);
    }
    return roles;
  };
  const reads = (unitId: number) => [...rolesAt(unitId)].some((role) => ROLE_PERMISSIONS[role].includes(Permission.DossierRead));
  const mayRead = isApplicant || units.some(reads);
  return { actor, isApplicant, rolesAt, mayRead };
}

/** Units whose dossiers the official may list (handling, receiving or acting). */
export async function readableUnits(db: Executor, actor: Actor) {
  return permittedUnits(db, actor, Permission.DossierRead);
}

/** For worklists: per role, the units on which the actor holds it (subtrees expanded). */
export async function unitsByRole(db: Executor, actor: Actor): Promise<Map<RoleCode, number[]>> {
  const byRole = new Map<RoleCode, number[]>();
  for (const grant of actor.grants) {
    if (grant.unitId === null) continue;
    const units = grant.includeSubtree ? await subtreeIds(db, [grant.unitId]) : [grant.unitId];
    byRole.set(grant.role, [...new Set([...(byRole.get(grant.role) ?? []), ...units])]);
  }
  return byRole;
}

