import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigratedTestDatabase, type TestDatabase } from '../support/databases.js';
import { insertUser, sessionTokenFor } from '../support/fixtures.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { reportFigures } from './scale.js';

/**
 * Issue 7, 100 MB uploads: with the default UPLOAD_MAX_BYTES (100 MiB) a file of that size streams to disk while other
 * users are served, arrives intact (sha256), and the server does not hold it in memory; one byte more is refused
 * with 413 and leaves neither a row nor a partial file. The server is `cqs serve` in its own process, so its memory
 * is its own (the kernel's peak resident set, VmHWM). SQLite: the file store is the same on both databases.
 */
const MiB = 1_048_576;
const CHUNK = 256 * 1024;
const BOUNDARY = 'cqs-upload-boundary-7';

interface UploadResult {
  status: number;
  body: string;
  sha256: string;
  othersServed: number[];
}

/**
 * Streams a multipart upload of `size` bytes (a PDF head, then random bytes) chunk by chunk, never holding the file;
 * every `pauseEvery` chunks it waits for another user's request to be answered, so the upload takes its time.
 */
function streamUpload(base: string, token: string, size: number, other: () => Promise<number>, pauseEvery = 32): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const othersServed: number[] = [];
    const request = http.request(`${base}/api/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    });
    request.once('error', reject);
    request.once('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.once('end', () => resolve({ status: response.statusCode ?? 0, body, sha256: hash.digest('hex'), othersServed }));
    });
    const write = (data: Buffer | string) =>
      new Promise<void>((done) => {
        if (request.write(data)) done();
        else request.once('drain', () => done());
      });
    void (async () => {
      await write(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="ban-do-dia-chinh.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
      for (let sent = 0, index = 0; sent < size; index++) {
        const chunk = randomBytes(Math.min(CHUNK, size - sent));
        if (sent === 0) chunk.write('%PDF-1.7\n', 0, 'latin1');
        hash.update(chunk);
        sent += chunk.length;
        await write(chunk);
        if (index % pauseEvery === 0) othersServed.push(await other());
        // The server refused early (over the limit): stop sending.
        if (request.destroyed || request.writableEnded) return;
      }
      request.end(`\r\n--${BOUNDARY}--\r\n`);
    })().catch(() => undefined);
  });
}

function memoryKiB(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
  return Number(line?.split(/\s+/)[1] ?? 0);
}

describe('100 MB uploads', () => {
  let database: TestDatabase;
  let node: ServerProcess | undefined;
  let base: string;
  let token: string;

  beforeAll(async () => {
    database = await createMigratedTestDatabase('sqlite');
    token = await sessionTokenFor(database.database.db, await insertUser(database.database.db, { kind: 'citizen', roles: [{ role: 'citizen', unitId: null }] }));
    // Default UPLOAD_MAX_BYTES: the 100 MiB a deployment gets out of the box.
    node = await startServerProcess({ dataDir: database.dataDir, label: 'upload node', env: { CQS_SEED_DEMO: 'false', RATE_LIMIT_PER_IP_PER_MINUTE: '0' } });
    base = node.url;
  }, 120_000);
  afterAll(async () => {
    await node?.kill();
    await database?.cleanup();
  });
  const db = () => database.database.db;

  const otherUser = async () => {
    const response = await fetch(`${base}/api/procedures`);
    await response.arrayBuffer();
    return response.status;
  };

  it('streams a 100 MiB file to disk intact while other users are served, without holding it in memory', async () => {
    await otherUser();
    const rssBefore = memoryKiB(node!.pid, 'VmRSS') * 1024;
    const result = await streamUpload(base, token, 100 * MiB, otherUser);
    const rssPeak = memoryKiB(node!.pid, 'VmHWM') * 1024;
    expect(result.status, result.body).toBe(201);
    const meta = JSON.parse(result.body) as { id: string; size: number; sha256?: string };
    expect(meta.size).toBe(100 * MiB);
    const row = await db().selectFrom('files').select(['sha256', 'size']).where('id', '=', meta.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ sha256: result.sha256, size: 100 * MiB });
    // The stored blob itself, read back from disk.
    const stored = path.join(database.dataDir, 'files', row.sha256.slice(0, 2), row.sha256.slice(2, 4), row.sha256);
    const onDisk = createHash('sha256');
    for await (const chunk of fs.createReadStream(stored)) onDisk.update(chunk as Buffer);
    expect(onDisk.digest('hex')).toBe(result.sha256);
    expect(result.othersServed.length).toBeGreaterThan(5);
    expect(result.othersServed.every((status) => status === 200)).toBe(true);
    // A server that buffered the file would peak at 100 MiB above where it started, at least.
    const growth = rssPeak - rssBefore;
    expect(growth).toBeLessThan(64 * MiB);
    reportFigures('upload 100 MiB', { othersServedMeanwhile: result.othersServed.length, rssPeakGrowthMiB: Math.round(growth / MiB) });
  });

  it('refuses an upload one byte over the limit with 413 FILE_TOO_LARGE and keeps neither a row nor a partial file', async () => {
    const rowsBefore = (await db().selectFrom('files').select('id').execute()).length;
    const result = await streamUpload(base, token, 100 * MiB + 1, otherUser, 128);
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toMatchObject({ status: 413, code: 'FILE_TOO_LARGE' });
    expect((await db().selectFrom('files').select('id').execute()).length).toBe(rowsBefore);
    expect(fs.readdirSync(path.join(database.dataDir, 'files', 'tmp'))).toEqual([]);
  });
});
