import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestDatabase } from '../support/databases.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

let checkedBuild = false;

/**
 * The installed entry point (`bin/cqs.js` → `dist/cli.js`) is what administrators run, so that is what the
 * tests run; `npm test` builds it first. A build older than the sources would test stale code: refuse it.
 */
function assertFreshBuild(): void {
  if (checkedBuild) return;
  const built = path.join(ROOT, 'dist/cli.js');
  if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < newestMtime(path.join(ROOT, 'src')) - 1000) {
    throw new Error('dist/ is missing or older than src/: run "npm run build:server" before the CLI tests.');
  }
  checkedBuild = true;
}

/** Runs the real `cqs` (bin/cqs.js) as its own process. */
export function runCli(args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<CliRun> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // The child gets only what the test gives it: no database or password leaking in from the caller.
    if (value !== undefined && !/^(DATABASE_URL|DATA_DIR|CQS_|PG)/.test(key)) env[key] = value;
  }
  assertFreshBuild();
  const child = spawn(process.execPath, ['bin/cqs.js', ...args], {
    cwd: ROOT,
    env: { ...env, LOG_LEVEL: 'silent', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdin.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The environment that points the CLI at a test database. */
export function cliEnv(t: Pick<TestDatabase, 'dataDir' | 'databaseUrl'>, extra: Record<string, string> = {}): Record<string, string> {
  return { DATA_DIR: t.dataDir, ...(t.databaseUrl ? { DATABASE_URL: t.databaseUrl } : {}), ...extra };
}
