import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, insertUser, sessionTokenFor } from '../../../test/support/fixtures.js';

const MiB = 1_048_576;

/** A PDF-signed body of the given size, built without holding a second copy. */
const pdfOfSize = (size: number) => {
  const bytes = Buffer.alloc(size, 0x20);
  bytes.write('%PDF-1.7\n', 0, 'latin1');
  return bytes;
};

// Over a real socket with fetch: uploads larger than the JSON body limit go through, and one over the upload limit
// is refused while the client is still sending, without the server buffering it.
describe.each(DIALECTS)('uploads over HTTP on %s', (dialect) => {
  let t: TestApp;
  let baseUrl: string;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp(dialect, { UPLOAD_MAX_BYTES: String(3 * MiB), BODY_LIMIT_BYTES: String(64 * 1024) });
    baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
    token = await sessionTokenFor(t.db, await insertUser(t.db, { kind: 'citizen', roles: [{ role: 'citizen', unitId: null }] }));
  });
  afterAll(async () => t?.close());

  const post = (content: Buffer, fileName: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)], { type: 'application/pdf' }), fileName);
    return fetch(`${baseUrl}/api/files`, { method: 'POST', body: form, headers: bearer(token) });
  };

  it('accepts a 2 MiB file although JSON bodies are limited to 64 KiB, and serves it back unchanged', async () => {
    const content = pdfOfSize(2 * MiB);
    const response = await post(content, 'hồ sơ lớn.pdf');
    expect(response.status).toBe(201);
    const meta = await response.json();
    expect(meta.size).toBe(2 * MiB);
    const download = await fetch(`${baseUrl}/api/files/${meta.id}`, { headers: bearer(token) });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(content)).toBe(true);
  });

  it('refuses a 5 MiB file with 413 and keeps nothing of it', async () => {
    const rowsBefore = (await t.db.selectFrom('files').select('id').execute()).length;
    const response = await post(pdfOfSize(5 * MiB), 'qua-lon.pdf');
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect((await response.json()).code).toBe('FILE_TOO_LARGE');
    expect((await t.db.selectFrom('files').select('id').execute()).length).toBe(rowsBefore);
    expect(fs.readdirSync(path.join(t.config.dataDir, 'files', 'tmp'))).toEqual([]);
  });

  it('discards a half-sent upload when the client goes away', async () => {
    const rowsBefore = (await t.db.selectFrom('files').select('id').execute()).length;
    const boundary = 'cqs-boundary-7d3f';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="dang-do.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
    const { port } = new URL(baseUrl);
    const socket = net.connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST /api/files HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n` +
        `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${2 * MiB}\r\n\r\n${head}`,
    );
    socket.write(pdfOfSize(256 * 1024));
    const tmpDir = path.join(t.config.dataDir, 'files', 'tmp');
    // The server has started writing the temp file before the client disappears.
    for (let i = 0; i < 100 && fs.readdirSync(tmpDir).length === 0; i += 1) await sleep(20);
    expect(fs.readdirSync(tmpDir)).toHaveLength(1);
    socket.destroy();
    for (let i = 0; i < 100 && fs.readdirSync(tmpDir).length > 0; i += 1) await sleep(20);
    expect(fs.readdirSync(tmpDir)).toEqual([]);
    expect((await t.db.selectFrom('files').select('id').execute()).length).toBe(rowsBefore);
  });
});
