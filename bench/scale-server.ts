/**
 * Server nodes for the scale bench: `node bin/cqs.js serve` (the compiled dist/, as deployed) in their own processes,
 * so the bench's load client does not share the server's event loop and the server's memory is its own: the peak
 * resident set (VmHWM in /proc/<pid>/status, the kernel's high-water mark over the process's life) is read before
 * each node stops.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../test/support/postgres-cluster.js';

export interface BenchServer {
  url: string;
  pid: number;
  /** Peak and current resident set of the server process, MiB. */
  memory(): { peakRssMiB: number; rssMiB: number };
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function statusKiB(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
  return line ? Number(line.split(/\s+/)[1]) : 0;
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before answering:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet (migrations, first start).
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server did not answer /api/health within 180 s:\n${output()}`);
}

export async function startServer(env: Record<string, string>, label: string): Promise<BenchServer> {
  if (!fs.existsSync(path.resolve('dist/cli.js'))) throw new Error('dist/ is missing: run `npm run build:server` first');
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/cqs.js', 'serve'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', CQS_SEED_DEMO: 'false', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  // The last lines only: shown when the node fails to start.
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-8_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, () => tail);
  } catch (error) {
    child.kill('SIGKILL');
    running.delete(child);
    throw error;
  }
  const pid = child.pid!;
  console.log(`         node ${label} pid ${pid} at ${url}`);
  return {
    url,
    pid,
    memory: () => ({ peakRssMiB: Math.round(statusKiB(pid, 'VmHWM') / 1024), rssMiB: Math.round(statusKiB(pid, 'VmRSS') / 1024) }),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
      running.delete(child);
    },
  };
}
