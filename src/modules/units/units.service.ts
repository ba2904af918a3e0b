import { Permission } from '../../platform/auth/roles.js';
import { ancestorIds } from '../../platform/auth/access.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/database/database.js';
import type { UnitRow } from '../../platform/database/schema.js';
import { AppError } from '../../platform/errors/app-error.js';
import { SYSTEM, holdsPermissionAnywhere, performerMay, requirePerformer, type Performer } from '../users/performer.js';
import {
  ancestorsOf,
  findActiveRoot,
  findUnit,
  findUnitByCode,
  findUnitRow,
  insertUnitRow,
  listUnits as listUnitRows,
  updateUnitRow,
} from './units.repository.js';
import { UnitStatus, type CreateUnitInput, type Unit, type UnitDetail, type UpdateUnitInput } from './units.schema.js';

/** The organisation tree is visible to every official (unit.read anywhere); citizens and partners get 403. */
function mayReadTree(performer: Performer): boolean {
  return performer === SYSTEM || holdsPermissionAnywhere(performer, Permission.UnitRead);
}

function requireTreeReader(performer: Performer): void {
  if (!mayReadTree(performer)) throw new AppError('FORBIDDEN');
}

/**
 * unit.manage on a unit. Officials see the whole tree, so a unit they may not manage answers 403;
 * a caller who cannot read the tree (or a unit that does not exist) gets 404.
 */
export async function requireUnitManager(db: Executor, performer: Performer, unitId: number): Promise<void> {
  if (await performerMay(db, performer, Permission.UnitManage, unitId)) return;
  const exists = await findUnitRow(db, unitId);
  throw new AppError(exists && mayReadTree(performer) ? 'FORBIDDEN' : 'NOT_FOUND');
}

export async function getUnitOrThrow(db: Executor, id: number): Promise<Unit> {
  const unit = await findUnit(db, id);
  if (!unit) throw new AppError('NOT_FOUND');
  return unit;
}

async function getUnitRow(db: Executor, id: number): Promise<UnitRow> {
  const row = await findUnitRow(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Merged units keep their row as history and are frozen (their code stays reserved). */
export function assertActive(row: UnitRow): void {
  if (row.status !== UnitStatus.Active) throw new AppError('UNIT_MERGED', { name: row.name });
}

async function assertCodeFree(db: Executor, code: string, exceptId?: number): Promise<void> {
  const holder = await findUnitByCode(db, code);
  if (holder && Number(holder.id) !== exceptId) throw new AppError('UNIT_CODE_TAKEN', { code });
}

export async function listUnits(db: Db, performer: Performer, options: { includeMerged: boolean }): Promise<Unit[]> {
  requireTreeReader(performer);
  return listUnitRows(db, options);
}

export async function getUnitDetail(db: Db, performer: Performer, id: number): Promise<UnitDetail> {
  requireTreeReader(performer);
  const row = await getUnitRow(db, id);
  const unit = await getUnitOrThrow(db, id);
  return { ...unit, ancestors: await ancestorsOf(db, row) };
}

/**
 * A unit is created under a parent the performer manages. A new root (the province) is allowed only while
 * there is no active root yet — in practice from the CLI or the seed, since grants need an existing unit.
 */
export async function createUnit(db: Db, context: AuditContext, input: CreateUnitInput, performer: Performer): Promise<Unit> {
  if (input.parentId === null) await requirePerformer(db, performer, Permission.UnitManage, null);
  else await requireUnitManager(db, performer, input.parentId);
  return db.transaction().execute(async (tx) => {
    if (input.parentId === null) {
      if (await findActiveRoot(tx)) throw new AppError('UNIT_ROOT_EXISTS');
    } else {
      assertActive(await getUnitRow(tx, input.parentId));
    }
    await assertCodeFree(tx, input.code);
    const id = await insertUnitRow(tx, input);
    const unit = await getUnitOrThrow(tx, id);
    await recordAudit(tx, context, {
      action: 'unit.create',
      entityType: 'unit',
      entityId: id,
      unitId: id,
      summary: { after: unitSnapshot(unit) },
    });
    return unit;
  });
}

export async function updateUnit(db: Db, context: AuditContext, id: number, input: UpdateUnitInput, performer: Performer): Promise<Unit> {
  await requireUnitManager(db, performer, id);
  return db.transaction().execute(async (tx) => {
    const row = await getUnitRow(tx, id);
    assertActive(row);
    if (input.code !== undefined) await assertCodeFree(tx, input.code, id);
    const before = unitSnapshot(await getUnitOrThrow(tx, id));
    await updateUnitRow(tx, id, {
      ...(input.code !== undefined ? { code: input.code } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.shortName !== undefined ? { short_name: input.shortName } : {}),
      ...(input.type !== undefined ? { type: input.type } : {}),
    });
    const unit = await getUnitOrThrow(tx, id);
    await recordAudit(tx, context, {
      action: 'unit.update',
      entityType: 'unit',
      entityId: id,
      unitId: id,
      summary: { before, after: unitSnapshot(unit) },
    });
    return unit;
  });
}

/** Re-parents a unit; it needs unit.manage on both the unit and its new parent, and must not create a cycle. */
export async function moveUnit(db: Db, context: AuditContext, id: number, parentId: number, performer: Performer): Promise<Unit> {
  await requireUnitManager(db, performer, id);
  await requireUnitManager(db, performer, parentId);
  return db.transaction().execute(async (tx) => {
    const row = await getUnitRow(tx, id);
    assertActive(row);
    assertActive(await getUnitRow(tx, parentId));
    if ((await ancestorIds(tx, parentId)).includes(id)) throw new AppError('UNIT_CYCLE');
    const fromParentId = row.parent_id === null ? null : Number(row.parent_id);
    await updateUnitRow(tx, id, { parent_id: parentId });
    await recordAudit(tx, context, {
      action: 'unit.move',
      entityType: 'unit',
      entityId: id,
      unitId: id,
      summary: { before: { parentId: fromParentId }, after: { parentId } },
    });
    return getUnitOrThrow(tx, id);
  });
}

export function unitSnapshot(unit: Unit) {
  return { code: unit.code, name: unit.name, shortName: unit.shortName, type: unit.type, parentId: unit.parentId, status: unit.status };
}
