import { execFileSync } from 'node:child_process';

/**
 * Connections this process can hold open at once, `perConnection` descriptors each, with room for everything else:
 * the soak forms ask for more sockets than some machines allow (EMFILE), and a test must size itself, not fail on it.
 */
export function connectionsThisProcessCanHold(wanted: number, perConnection: number): number {
  const limit = Number(execFileSync('bash', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim());
  return Number.isFinite(limit) ? Math.min(wanted, Math.floor((limit - 1_000) / perConnection)) : wanted;
}
