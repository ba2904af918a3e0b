import { execFileSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer, type AddressInfo } from 'node:net';
import { buildApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/platform/config.js';
import type { Db } from '../../../src/platform/database/database.js';
import { createMigratedTestDatabase, type TestDatabase } from '../../support/databases.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * `npm test` builds web/dist first; a lone `vitest run test/e2e` builds it here when it is missing. Both workers may start
 * with a browser file (test/support/sequencer.ts), so each builds beside web/dist and the first to finish moves its
 * build in: a build emptying web/dist while the other worker's server reads it would fail that file.
 */
export function ensureWebBuilt(): void {
  if (existsSync(`${ROOT}web/dist/index.html`)) return;
  const side = `dist-${process.pid}`;
  execFileSync(process.execPath, [`${ROOT}node_modules/vite/bin/vite.js`, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn', '--outDir', side], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  try {
    renameSync(`${ROOT}web/${side}`, `${ROOT}web/dist`);
  } catch {
    // The other worker's build is in place already.
    rmSync(`${ROOT}web/${side}`, { recursive: true, force: true });
  }
}

export interface RunningServer {
  app: App;
  db: Db;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * A local port free right now, for a server whose own address must be known before it starts (PUBLIC_URL, the payment
 * gateway's IPN address): pass it as `PORT` to startServer.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The real server (API + web/dist) on a fresh SQLite database, on `env.PORT` when given, else on a free local port. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  ensureWebBuilt();
  const testDatabase: TestDatabase = await createMigratedTestDatabase('sqlite');
  const config = loadConfig({ LOG_LEVEL: 'silent', CQS_SEED_DEMO: 'false', DATA_DIR: testDatabase.dataDir, PORT: '0', HOST: '127.0.0.1', ...env });
  const app = await buildApp({ config, database: testDatabase.database });
  await app.listen({ port: Number(env.PORT ?? 0), host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    db: testDatabase.database.db,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await testDatabase.cleanup();
    },
  };
}
