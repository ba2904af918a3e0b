import { ancestorIds, hasPermission, type UnitScope } from '../../platform/auth/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import { Permission, ROLE_PERMISSIONS } from '../../platform/auth/roles.js';
import type { Executor } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { findAssignment, findRound } from './reports.repository.js';

export const inScope = (scope: UnitScope, unitId: number) => scope.all || scope.unitIds.includes(unitId);

/** The highest unit on which the caller was granted `report.manage` (the default owner of a new template). */
export async function highestManagedUnit(db: Executor, actor: Actor): Promise<number | undefined> {
  const units = actor.grants
    .filter((g) => g.unitId !== null && ROLE_PERMISSIONS[g.role]?.includes(Permission.ReportManage))
    .map((g) => g.unitId!);
  let best: { id: number; depth: number } | undefined;
  for (const id of new Set(units)) {
    const depth = (await ancestorIds(db, id)).length;
    if (!best || depth < best.depth) best = { id, depth };
  }
  return best?.id;
}

/**
 * An assignment with what the caller may do on it: a unit's `report.submit` holders fill and submit it, the
 * assigning unit's `report.manage` holders review it (contract §D). Anyone else: 404 (they may not learn it exists).
 */
export async function getVisibleAssignment(db: Executor, actor: Actor, id: number) {
  const assignment = await findAssignment(db, id);
  if (!assignment) throw new AppError('NOT_FOUND');
  const round = await findRound(db, Number(assignment.round_id));
  if (!round) throw new AppError('NOT_FOUND');
  const canSubmit = await hasPermission(db, actor, Permission.ReportSubmit, Number(assignment.unit_id));
  const canManage = await hasPermission(db, actor, Permission.ReportManage, Number(round.assigner_unit_id));
  if (!canSubmit && !canManage) throw new AppError('NOT_FOUND');
  return { assignment, round, canSubmit, canManage };
}
