import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './postgres-cluster.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = path.join(ROOT, 'bin', 'cqs.js');
const RING_LINES = 200;
// Generous: on a busy two-core machine the first start (migrations, demo seed) has taken over 2 minutes.
const STARTUP_TIMEOUT_MS = 240_000;

/** The demo password every spawned server seeds its accounts with (CQS_DEMO_PASSWORD), so clients can sign in. */
export const PROCESS_DEMO_PASSWORD = 'Resilience-Demo-2026!';

export interface ServerProcessOptions {
  /** Extra environment (DATABASE_URL, SMTP_URL, OUTBOX_LEASE_SECONDS…); PORT, DATA_DIR and HOST are set here. */
  env: Record<string, string>;
  dataDir: string;
  /** A fixed port; a free one is picked when absent. restart() keeps it either way. */
  port?: number;
  /** Names the process in error messages, e.g. "node A". */
  label?: string;
}

export interface ServerProcess {
  url: string;
  port: number;
  /** The current process id (changes on restart). */
  pid: number;
  /** Sends the signal (SIGKILL by default) and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the server again with the same environment, port and data directory, and waits for it to answer. */
  restart(): Promise<void>;
  /** Graceful stop (SIGTERM: the outbox worker finishes its job in hand), resolving once the process has exited. */
  stop(): Promise<void>;
  /** The last lines the process wrote to stdout and stderr (for failure messages). */
  output(): string;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

// A test that fails or times out must not leave servers behind on a machine shared by several runs.
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * `cqs serve` (the compiled CLI, as deployed) in a child process: real crashes (kill -9), restarts on the same data
 * directory and several nodes on one PostgreSQL. Resolves once GET /api/health answers 200.
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  installExitHook();
  const port = options.port ?? (await freePort());
  const label = options.label ?? `cqs serve :${port}`;
  const url = `http://127.0.0.1:${port}`;
  const ring: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      ring.push(line);
      if (ring.length > RING_LINES) ring.shift();
    }
  };
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    LOG_LEVEL: 'warn',
    CQS_DEMO_PASSWORD: PROCESS_DEMO_PASSWORD,
    // Load clients sign in many virtual users, and file, from one address.
    LOGIN_RATE_PER_IP_PER_MINUTE: '100000',
    RATE_LIMIT_PER_IP_PER_MINUTE: '0',
    ...options.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: options.dataDir,
    PUBLIC_URL: options.env.PUBLIC_URL ?? url,
  };

  let child: ChildProcess;
  const launch = async () => {
    ring.push(`--- ${label}: start ---`);
    child = spawn(process.execPath, [CLI, 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    live.add(child);
    child.once('exit', () => live.delete(child));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    await waitForHealth(child, url, label, ring);
  };
  await launch();

  const handle: ServerProcess = {
    url,
    port,
    get pid() {
      return child.pid ?? -1;
    },
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      const current = child;
      if (current.exitCode === null && current.signalCode === null) current.kill(signal);
      await exited(current);
    },
    async restart() {
      await handle.kill('SIGKILL');
      await launch();
    },
    async stop() {
      const current = child;
      if (current.exitCode === null && current.signalCode === null) current.kill('SIGTERM');
      const timer = setTimeout(() => current.kill('SIGKILL'), 10_000);
      await exited(current);
      clearTimeout(timer);
    },
    output: () => ring.join('\n'),
  };
  return handle;
}

async function waitForHealth(child: ChildProcess, url: string, label: string, ring: string[]): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${label} exited during startup (code ${child.exitCode}, signal ${child.signalCode}):\n${ring.join('\n')}`);
    }
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  await exited(child);
  throw new Error(`${label} did not answer GET /api/health within ${STARTUP_TIMEOUT_MS / 1000} s:\n${ring.join('\n')}`);
}
