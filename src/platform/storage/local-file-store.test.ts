import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalFileStore } from './local-file-store.js';

const sha256Of = (value: string | Buffer) => createHash('sha256').update(value).digest('hex');

/** Every regular file under dir, relative to it. */
function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe('content-addressed local file store', () => {
  let root: string;
  let store: LocalFileStore;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-store-'));
    store = new LocalFileStore(root);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('stores bytes under ab/cd/<sha256> and reads them back', async () => {
    const content = 'Tờ khai đăng ký khai sinh';
    const blob = await store.put(Readable.from([Buffer.from(content)]));
    const sha256 = sha256Of(content);
    expect(blob).toEqual({ sha256, size: Buffer.byteLength(content) });
    expect(listFiles(root)).toEqual([path.join(sha256.slice(0, 2), sha256.slice(2, 4), sha256)]);
    expect(await store.exists(sha256)).toBe(true);
    expect(await text(await store.get(sha256))).toBe(content);
  });

  it('keeps identical content once', async () => {
    await store.put(Readable.from([Buffer.from('một'), Buffer.from(' nội dung')]));
    await store.put(Readable.from([Buffer.from('một nội dung')]));
    expect(listFiles(root)).toHaveLength(1);
  });

  it('leaves nothing behind when the stream fails part-way', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.from('phần đầu'));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(store.put(failing)).rejects.toThrow('client went away');
    expect(listFiles(root)).toEqual([]);
  });

  it('answers exists=false and refuses get for unknown or malformed addresses', async () => {
    expect(await store.exists(sha256Of('không có'))).toBe(false);
    await expect(store.get(sha256Of('không có'))).rejects.toThrow();
    await expect(store.get('../../etc/passwd')).rejects.toThrow('invalid content address');
    expect(await store.exists('../x')).toBe(false);
  });

  it('sweeps temp files left by a killed process, not younger ones', async () => {
    const tmp = path.join(root, 'tmp');
    fs.writeFileSync(path.join(tmp, 'old.part'), 'nửa tệp');
    fs.writeFileSync(path.join(tmp, 'new.part'), 'đang ghi');
    const hourAgo = new Date(Date.now() - 3_600_000);
    fs.utimesSync(path.join(tmp, 'old.part'), hourAgo, hourAgo);
    expect(await store.sweepTemp(30 * 60_000)).toBe(1);
    expect(fs.readdirSync(tmp)).toEqual(['new.part']);
  });
});
