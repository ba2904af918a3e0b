import { buildApp, type App } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/platform/config.js';
import type { Db } from '../../src/platform/database/database.js';
import type { DialectName } from '../../src/platform/database/dialect.js';
import { createMigratedTestDatabase, type TestDatabase } from './databases.js';

export interface TestApp {
  app: App;
  db: Db;
  config: Config;
  testDatabase: TestDatabase;
  close(): Promise<void>;
}

/** Boots the whole app on a fresh database of the given dialect; send requests with `app.inject`. */
export async function createTestApp(
  dialect: DialectName,
  env: Record<string, string> = {},
  /** Adds test-only routes before the app is sealed (platform tests). */
  extend?: (app: App) => void,
): Promise<TestApp> {
  const testDatabase = await createMigratedTestDatabase(dialect);
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    CQS_SEED_DEMO: 'false',
    DATA_DIR: testDatabase.dataDir,
    ...(testDatabase.databaseUrl ? { DATABASE_URL: testDatabase.databaseUrl } : {}),
    ...env,
  });
  const app = await buildApp({ config, database: testDatabase.database });
  extend?.(app);
  await app.ready();
  return {
    app,
    db: testDatabase.database.db,
    config,
    testDatabase,
    async close() {
      await app.close();
      await testDatabase.cleanup();
    },
  };
}
