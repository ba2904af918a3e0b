import { sql } from 'kysely';
import type { Executor } from '../../platform/database/database.js';
import type { UnitRow, UnitUpdate } from '../../platform/database/schema.js';
import { UnitStatus, type Unit, type UnitStatusCode, type UnitTypeCode } from './units.schema.js';

function toUnit(row: UnitRow, userCount: number): Unit {
  return {
    id: Number(row.id),
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    type: row.type as UnitTypeCode,
    parentId: row.parent_id === null ? null : Number(row.parent_id),
    status: row.status as UnitStatusCode,
    mergedIntoId: row.merged_into_id === null ? null : Number(row.merged_into_id),
    userCount,
  };
}

export function findUnitRow(db: Executor, id: number): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

async function countUsers(db: Executor, unitIds: number[]): Promise<Map<number, number>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['unit_id', sql<number>`count(*)`.as('n')])
    .where('unit_id', 'in', unitIds)
    .where('status', '=', 'active')
    .groupBy('unit_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.unit_id), Number(r.n)]));
}

export async function findUnit(db: Executor, id: number): Promise<Unit | undefined> {
  const row = await findUnitRow(db, id);
  if (!row) return undefined;
  const counts = await countUsers(db, [id]);
  return toUnit(row, counts.get(id) ?? 0);
}

/**
 * Every unit in depth-first order (a parent before its children, siblings by name), so a client can build
 * the tree in one pass. Merged units keep their place under their last parent.
 */
export async function listUnits(db: Executor, options: { includeMerged: boolean }): Promise<Unit[]> {
  let query = db.selectFrom('units').selectAll();
  if (!options.includeMerged) query = query.where('status', '=', UnitStatus.Active);
  const rows = await query.orderBy('name').orderBy('id').execute();
  const counts = await countUsers(db, rows.map((r) => Number(r.id)));
  const ids = new Set(rows.map((r) => Number(r.id)));
  const children = new Map<number | null, UnitRow[]>();
  for (const row of rows) {
    // A unit whose parent is not in the list (hidden merged parent) is shown as a root.
    const parent = row.parent_id !== null && ids.has(Number(row.parent_id)) ? Number(row.parent_id) : null;
    const siblings = children.get(parent) ?? [];
    siblings.push(row);
    children.set(parent, siblings);
  }
  const ordered: Unit[] = [];
  const visit = (parent: number | null) => {
    for (const row of children.get(parent) ?? []) {
      ordered.push(toUnit(row, counts.get(Number(row.id)) ?? 0));
      visit(Number(row.id));
    }
  };
  visit(null);
  return ordered;
}

export function findUnitByCode(db: Executor, code: string): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
}

export function findActiveRoot(db: Executor): Promise<UnitRow | undefined> {
  return db
    .selectFrom('units')
    .selectAll()
    .where('parent_id', 'is', null)
    .where('status', '=', UnitStatus.Active)
    .orderBy('id')
    .executeTakeFirst();
}

export async function insertUnitRow(
  db: Executor,
  unit: { code: string; name: string; shortName: string; type: UnitTypeCode; parentId: number | null },
): Promise<number> {
  const now = new Date().toISOString();
  const row = await db
    .insertInto('units')
    .values({
      code: unit.code,
      name: unit.name,
      short_name: unit.shortName,
      type: unit.type,
      parent_id: unit.parentId,
      status: UnitStatus.Active,
      merged_into_id: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function updateUnitRow(db: Executor, id: number, changes: UnitUpdate): Promise<void> {
  await db
    .updateTable('units')
    .set({ ...changes, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}

export async function childIds(db: Executor, id: number): Promise<number[]> {
  const rows = await db.selectFrom('units').select('id').where('parent_id', '=', id).where('status', '=', UnitStatus.Active).execute();
  return rows.map((r) => Number(r.id));
}

/** The ancestors of a unit, root first, without the unit itself. */
export async function ancestorsOf(db: Executor, unit: UnitRow): Promise<{ id: number; name: string }[]> {
  const chain: { id: number; name: string }[] = [];
  let parentId = unit.parent_id;
  // The tree is kept acyclic by moveUnit; the bound only guards against corrupted data.
  for (let depth = 0; parentId !== null && depth < 100; depth++) {
    const parent = await findUnitRow(db, Number(parentId));
    if (!parent) break;
    chain.unshift({ id: Number(parent.id), name: parent.name });
    parentId = parent.parent_id;
  }
  return chain;
}
