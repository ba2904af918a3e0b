import type { TestProject } from 'vitest/node';
import { createMigratedTemplates, type MigratedTemplates } from './migrated-templates.js';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster.js';

let cluster: PostgresCluster | undefined;
let templates: Awaited<ReturnType<typeof createMigratedTemplates>> | undefined;

/**
 * Starts one throwaway PostgreSQL for the whole run unless TEST_DATABASE_URL points at one, and migrates the
 * templates that test apps copy (test/support/databases.ts).
 */
export async function setup(project: TestProject): Promise<void> {
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    cluster = await startPostgresCluster();
    url = cluster.url;
  }
  project.provide('postgresUrl', url);
  templates = await createMigratedTemplates(url);
  project.provide('migratedTemplates', { sqliteFile: templates.sqliteFile, postgresDatabase: templates.postgresDatabase });
}

export async function teardown(): Promise<void> {
  await templates?.drop();
  cluster?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    migratedTemplates: MigratedTemplates;
  }
}
