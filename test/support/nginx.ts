import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './postgres-cluster.js';

/**
 * Debian's nginx in front of several `cqs serve` nodes, configured by the shipped `deploy/nginx.conf` (included as
 * it is): this helper only writes the main file nginx needs around it (pid, logs, temp paths in a temp prefix) and
 * the two per-installation includes, cqs-nodes.conf and cqs-listen.conf. Runs as the current user.
 */
export const NGINX_BIN = '/usr/sbin/nginx';
export const SHIPPED_NGINX_CONF = fileURLToPath(new URL('../../deploy/nginx.conf', import.meta.url));

export interface Nginx {
  url: string;
  port: number;
  /** The access log so far (one line per request, with the node that answered). */
  accessLog(): string;
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** `nodes` are host:port pairs of the upstream servers. */
export async function startNginx(options: { nodes: string[]; maxFails?: number; failTimeoutSeconds?: number }): Promise<Nginx> {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-nginx-'));
  const port = await freePort();
  const maxFails = options.maxFails ?? 2;
  const failTimeout = options.failTimeoutSeconds ?? 5;
  const asRoot = process.getuid?.() === 0;
  fs.writeFileSync(
    path.join(prefix, 'cqs-nodes.conf'),
    options.nodes.map((node) => `server ${node} max_fails=${maxFails} fail_timeout=${failTimeout}s;\n`).join(''),
  );
  fs.writeFileSync(path.join(prefix, 'cqs-listen.conf'), `listen 127.0.0.1:${port};\n`);
  const temp = (name: string) => path.join(prefix, name);
  fs.writeFileSync(
    path.join(prefix, 'nginx.conf'),
    [
      // As root nginx would hand its workers to `nobody`, who cannot write this prefix; the test keeps one user.
      asRoot ? 'user root;' : '',
      'worker_processes 1;',
      'daemon off;',
      `pid ${temp('nginx.pid')};`,
      `error_log ${temp('error.log')} warn;`,
      'events { worker_connections 1024; }',
      'http {',
      '  log_format upstream \'$request_method $uri $status $upstream_addr $upstream_status\';',
      `  access_log ${temp('access.log')} upstream;`,
      `  client_body_temp_path ${temp('client_body')};`,
      `  proxy_temp_path ${temp('proxy')};`,
      `  fastcgi_temp_path ${temp('fastcgi')};`,
      `  uwsgi_temp_path ${temp('uwsgi')};`,
      `  scgi_temp_path ${temp('scgi')};`,
      `  include ${SHIPPED_NGINX_CONF};`,
      '}',
      '',
    ].join('\n'),
  );
  const args = ['-p', prefix, '-c', path.join(prefix, 'nginx.conf')];
  try {
    execFileSync(NGINX_BIN, [...args, '-t'], { stdio: 'pipe' });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    fs.rmSync(prefix, { recursive: true, force: true });
    throw new Error(`nginx -t refused the configuration built from deploy/nginx.conf:\n${stderr}`);
  }
  const child = spawn(NGINX_BIN, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  live.add(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await untilListening(port, child, () => stderr + readIfExists(temp('error.log')));
  return {
    url,
    port,
    accessLog: () => readIfExists(temp('access.log')),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      live.delete(child);
      fs.rmSync(prefix, { recursive: true, force: true });
    },
  };
}

function readIfExists(file: string): string {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}

async function untilListening(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited at start:\n${output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = new net.Socket();
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${port}:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
