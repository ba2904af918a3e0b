import type { Executor } from '../../platform/database/database.js';

export async function countUnits(db: Executor): Promise<number> {
  const row = await db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
