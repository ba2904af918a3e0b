import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { createMigratedTestDatabase, type TestDatabase } from '../support/databases.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { reportFigures, soak } from './scale.js';
import { connectionsThisProcessCanHold } from './descriptors.js';

/**
 * Issue 7, slow clients and idle connections: a client that trickles its headers is cut off by the headers timeout
 * and delays nobody; thousands of idle keep-alive connections do not starve other users. Real sockets on a listening
 * app (the timeouts live in Node's HTTP server). SQLite only: nothing here touches the database's dialect.
 */
const HEADERS_TIMEOUT_MS = 1_000;

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Sends one request on the socket and resolves with the response head once it is complete; the socket stays open. */
function requestOn(socket: net.Socket, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = '';
    const onData = (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const headEnd = received.indexOf('\r\n\r\n');
      if (headEnd < 0) return;
      const length = Number(/content-length: (\d+)/i.exec(received)?.[1] ?? 0);
      if (received.length >= headEnd + 4 + length) {
        socket.off('data', onData);
        resolve(received.slice(0, headEnd));
      }
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n`);
  });
}

describe('slow clients and idle connections', () => {
  let t: TestApp;
  let port: number;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp('sqlite', {
      SERVER_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
      // Idle keep-alive connections are what the second test holds: they must outlive it.
      SERVER_KEEP_ALIVE_TIMEOUT_MS: '120000',
      RATE_LIMIT_PER_IP_PER_MINUTE: '0',
    });
    await t.app.listen({ port: 0, host: '127.0.0.1', backlog: 4_096 });
    port = (t.app.server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => t?.close());

  it('cuts off a client that trickles its headers, while other users are served meanwhile', async () => {
    const slow = await connect(port);
    const closed = new Promise<void>((resolve) => slow.once('close', () => resolve()));
    let answer = '';
    slow.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    slow.on('error', () => undefined);
    slow.write('GET /api/procedures HTTP/1.1\r\nHost: localhost\r\n');
    let trickled = 0;
    const trickle = setInterval(() => {
      if (!slow.destroyed) slow.write(`X-Slow-${trickled++}: a\r\n`);
    }, 100);
    try {
      const others = [];
      while (!slow.destroyed && others.length < 200) {
        const response = await fetch(`${base}/api/procedures`);
        others.push(response.status);
        await response.arrayBuffer();
      }
      await closed;
      expect(others.length).toBeGreaterThan(0);
      expect(others.every((status) => status === 200)).toBe(true);
      // Node answers 408 when it can; either way the headers never completed into a request.
      expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
      reportFigures('slowloris', { headerLinesTrickled: trickled, othersServedMeanwhile: others.length });
    } finally {
      clearInterval(trickle);
      slow.destroy();
    }
  });

  it('serves other users while thousands of idle keep-alive connections stay open', async () => {
    // The small form holds 2,000 against this process's server (client and server socket here: two descriptors each);
    // the soak holds 10,000 against a `cqs serve` process of its own, so each side needs one descriptor per connection.
    let server: { port: number; base: string; stop(): Promise<void> } = { port, base, stop: async () => undefined };
    if (soak) server = await spawnedServer();
    const { port: serverPort, base: serverBase } = server;
    const wanted = soak ? connectionsThisProcessCanHold(10_000, 1) : connectionsThisProcessCanHold(2_000, 2);
    const idle: net.Socket[] = [];
    try {
      for (let opened = 0; opened < wanted; opened += 200) {
        const batch = await Promise.all(Array.from({ length: Math.min(200, wanted - opened) }, () => connect(serverPort)));
        // Each carries one request first, so it is an idle keep-alive connection, not a half-open one.
        const heads = await Promise.all(batch.map((socket) => requestOn(socket, '/api/health')));
        expect(heads.every((head) => head.startsWith('HTTP/1.1 200'))).toBe(true);
        idle.push(...batch);
      }
      const still = idle.filter((socket) => !socket.destroyed).length;
      expect(still).toBe(wanted);
      const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${serverBase}/api/procedures`).then((r) => r.status)));
      expect(answers).toEqual(Array(20).fill(200));
      // The idle connections are still there to use.
      expect((await requestOn(idle[idle.length - 1]!, '/api/health')).startsWith('HTTP/1.1 200')).toBe(true);
      reportFigures('idle connections', { idleKeepAlive: wanted, othersServed: answers.length });
    } finally {
      for (const socket of idle) socket.destroy();
      await server.stop();
    }
  }, 300_000);
});

/**
 * `cqs serve` on a migrated copy of SQLite. Node raises its own soft descriptor limit to the hard limit at start, so
 * this process and the server each get `ulimit -Hn` (20,000 on the test machine; CI may have less, and the figure
 * reported says how many were held).
 */
async function spawnedServer(): Promise<{ port: number; base: string; stop(): Promise<void> }> {
  const database: TestDatabase = await createMigratedTestDatabase('sqlite');
  const node: ServerProcess = await startServerProcess({
    dataDir: database.dataDir,
    label: 'idle-connections node',
    env: { CQS_SEED_DEMO: 'false', SERVER_KEEP_ALIVE_TIMEOUT_MS: '300000', RATE_LIMIT_PER_IP_PER_MINUTE: '0' },
  });
  return {
    port: node.port,
    base: node.url,
    async stop() {
      await node.kill();
      await database.cleanup();
    },
  };
}
