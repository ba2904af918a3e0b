import { loadConfig, ConfigError, type Config } from '../platform/config.js';
import { openDatabase, migrateToLatest, type Database } from '../platform/database/database.js';

/** Loads and validates the configuration; a bad value stops the command naming the variable. */
export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

/** Opens the configured database with the schema up to date, runs `work`, and closes it. */
export async function withDatabase<T>(config: Config, work: (database: Database) => Promise<T>): Promise<T> {
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    return await work(database);
  } finally {
    await database.close();
  }
}
