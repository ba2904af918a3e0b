import { sql } from 'kysely';
import { subtreeIds } from '../../platform/auth/access.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Db, Tx } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Performer } from '../users/performer.js';
import { childIds, findUnitRow, updateUnitRow } from './units.repository.js';
import { UnitStatus, type MergeResult, type MergeUnitInput } from './units.schema.js';
import { assertActive, getUnitOrThrow, requireUnitManager } from './units.service.js';

export interface UnitMerge {
  mergedId: number;
  survivorId: number;
  context: AuditContext;
}

/**
 * A module that owns records tied to a unit (open dossiers, documents in progress, report assignments…)
 * moves them to the surviving unit when units merge (two-tier local government since 1 July 2025).
 * It runs inside the merge transaction, so the merge and every move commit or roll back together, and
 * returns how many records it moved (shown in the response and the `unit.merge` audit entry).
 */
export interface UnitMergeParticipant {
  /** Unique key, also the key in `movedRecords`, e.g. `dossiers`. */
  name: string;
  onMerge(tx: Tx, merge: UnitMerge): Promise<number>;
}

const participants = new Map<string, UnitMergeParticipant>();

/** Registers (or replaces, by name) a participant; call it once when the module loads. */
export function registerUnitMergeParticipant(participant: UnitMergeParticipant): void {
  participants.set(participant.name, participant);
}

export function unitMergeParticipants(): UnitMergeParticipant[] {
  return [...participants.values()];
}

/**
 * Sáp nhập đơn vị: the merged unit's officials and role grants go to the survivor, the merged unit keeps its
 * row (history, and its code stays reserved) with status `merged`, and is frozen from then on.
 */
export async function mergeUnit(db: Db, context: AuditContext, id: number, input: MergeUnitInput, performer: Performer): Promise<MergeResult> {
  await requireUnitManager(db, performer, id);
  await requireUnitManager(db, performer, input.intoId);
  if (id === input.intoId) throw new AppError('UNIT_MERGE_INTO_SELF');
  return db.transaction().execute(async (tx) => {
    const merged = await findUnitRow(tx, id);
    const survivor = await findUnitRow(tx, input.intoId);
    if (!merged || !survivor) throw new AppError('NOT_FOUND');
    assertActive(merged);
    assertActive(survivor);
    // The survivor inside the merged unit's subtree would end up under a merged (frozen) unit, or under itself.
    if ((await subtreeIds(tx, [id])).includes(input.intoId)) throw new AppError('UNIT_CYCLE');

    const children = await childIds(tx, id);
    if (children.length > 0 && !input.moveChildren) throw new AppError('UNIT_HAS_CHILDREN');
    for (const childId of children) await updateUnitRow(tx, childId, { parent_id: input.intoId });

    const movedUsers = await moveUsers(tx, id, input.intoId);
    const movedGrants = await moveGrants(tx, id, input.intoId);
    const movedRecords: Record<string, number> = {};
    for (const participant of unitMergeParticipants()) {
      movedRecords[participant.name] = await participant.onMerge(tx, { mergedId: id, survivorId: input.intoId, context });
    }
    await updateUnitRow(tx, id, { status: UnitStatus.Merged, merged_into_id: input.intoId });

    await recordAudit(tx, context, {
      action: 'unit.merge',
      entityType: 'unit',
      entityId: id,
      unitId: input.intoId,
      summary: { mergedId: id, survivorId: input.intoId, movedUsers, movedGrants, movedChildren: children, movedRecords },
    });
    return {
      merged: await getUnitOrThrow(tx, id),
      survivor: await getUnitOrThrow(tx, input.intoId),
      movedUsers,
      movedGrants,
      movedChildren: children.length,
      movedRecords,
    };
  });
}

async function moveUsers(tx: Tx, fromId: number, toId: number): Promise<number> {
  const result = await tx
    .updateTable('users')
    .set({ unit_id: toId, updated_at: new Date().toISOString() })
    .where('unit_id', '=', fromId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A grant the user already holds on the survivor is not duplicated: the merged unit's copy is dropped. */
async function moveGrants(tx: Tx, fromId: number, toId: number): Promise<number> {
  const count = await tx
    .selectFrom('role_grants')
    .select(sql<number>`count(*)`.as('n'))
    .where('unit_id', '=', fromId)
    .executeTakeFirstOrThrow();
  await tx
    .deleteFrom('role_grants')
    .where('unit_id', '=', fromId)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('role_grants as same')
          .select(sql`1`.as('one'))
          .whereRef('same.user_id', '=', 'role_grants.user_id')
          .whereRef('same.role', '=', 'role_grants.role')
          .whereRef('same.include_subtree', '=', 'role_grants.include_subtree')
          .where('same.unit_id', '=', toId),
      ),
    )
    .execute();
  await tx.updateTable('role_grants').set({ unit_id: toId }).where('unit_id', '=', fromId).execute();
  return Number(count.n);
}
