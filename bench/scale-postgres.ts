/**
 * A PostgreSQL cluster on a data directory the scale bench keeps: generated once with fsync off (a dataset that a
 * crash would spoil is simply generated again), then copied and started for each run with the durability settings
 * of production — fsync, synchronous_commit and full_page_writes on, PostgreSQL's defaults (issue 7: "same
 * durability settings" as a real deployment, so the figures are not flattered by a cluster that may lose commits).
 */
import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findPostgresBin, freePort } from '../test/support/postgres-cluster.js';

export type Durability = 'production' | 'generation';

export interface BenchCluster {
  url: string;
  dataDir: string;
  durability: Durability;
  /** A clean shutdown (checkpoint): the data directory can then be copied or cached. */
  stop(): void;
}

const asRoot = () => process.getuid?.() === 0;

function run(cmd: string, args: string[]): void {
  const full = path.join(findPostgresBin(), cmd);
  // initdb and postgres refuse to run as root: as root they run as the `postgres` user (as in postgres-cluster.ts).
  const result = asRoot() ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' }) : spawnSync(full, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${cmd} failed: ${result.stderr || result.stdout}`);
}

function giveToPostgres(dir: string): void {
  if (asRoot()) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
}

/** A new, empty cluster in `dir`/data. */
export function initCluster(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o755);
  giveToPostgres(dir);
  run('initdb', ['-D', path.join(dir, 'data'), '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
}

/** Copies a stopped cluster directory (cached dataset → this run's scratch copy). */
export function copyCluster(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  execFileSync('cp', ['-a', from, to]);
  fs.chmodSync(to, 0o755);
  giveToPostgres(to);
}

export async function startCluster(dir: string, durability: Durability): Promise<BenchCluster> {
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  const settings =
    durability === 'production'
      ? '-c fsync=on -c synchronous_commit=on -c full_page_writes=on'
      : '-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c maintenance_work_mem=256MB';
  // Memory as a small production host would give it (2 cores, the server nodes beside it).
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=512MB -c max_wal_size=4GB ${settings}`;
  run('pg_ctl', ['-D', dataDir, '-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '300', 'start']);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dataDir,
    durability,
    stop() {
      if (stopped) return;
      stopped = true;
      run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', '-t', '300', 'stop']);
    },
  };
}

export function databaseUrl(cluster: { url: string }, name: string): string {
  const url = new URL(cluster.url);
  url.pathname = `/${name}`;
  return url.toString();
}
