import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isSha256, type FileStore, type StoredBlob } from './file-store.js';

/**
 * Content-addressed blobs on local disk: `<root>/ab/cd/<sha256>`. The root sits under DATA_DIR, outside any
 * web root, so files are only ever served through the access-checked API.
 */
export class LocalFileStore implements FileStore {
  private readonly tmpDir: string;

  constructor(private readonly root: string) {
    this.tmpDir = path.join(root, 'tmp');
    mkdirSync(this.tmpDir, { recursive: true });
  }

  pathOf(sha256: string): string {
    if (!isSha256(sha256)) throw new Error('invalid content address');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(content: Readable): Promise<StoredBlob> {
    const tmpPath = path.join(this.tmpDir, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    // Attached before the first await, so a stream that fails at once still has its error handled here.
    const target = createWriteStream(tmpPath, { flags: 'wx' });
    const written = pipeline(content, measure, target);
    try {
      await written;
      // Written to a temp name and flushed before the rename: a crash never leaves a half file under a final name.
      await syncPath(tmpPath);
      const sha256 = hash.digest('hex');
      const finalPath = this.pathOf(sha256);
      if (await this.exists(sha256)) {
        await fs.rm(tmpPath, { force: true });
      } else {
        await fs.mkdir(path.dirname(finalPath), { recursive: true });
        await fs.rename(tmpPath, finalPath);
        await syncPath(path.dirname(finalPath));
      }
      return { sha256, size };
    } catch (error) {
      // A stream refused before its file finished opening still creates the file: wait until it is closed.
      if (!target.closed) await new Promise<void>((resolve) => target.once('close', () => resolve()));
      await fs.rm(tmpPath, { force: true });
      throw error;
    }
  }

  async get(sha256: string): Promise<Readable> {
    const filePath = this.pathOf(sha256);
    // Opening first turns a missing blob into a rejected promise rather than a late stream error.
    const handle = await fs.open(filePath, 'r');
    return handle.createReadStream();
  }

  /**
   * Removes temp files older than `maxAgeMs`: what a killed process left mid-upload (a live upload's temp file is
   * younger). Returns how many were removed. For the periodic housekeeping.
   */
  async sweepTemp(maxAgeMs: number, now = Date.now()): Promise<number> {
    let removed = 0;
    // No upload yet means no temp folder, and nothing to sweep.
    const names = await fs.readdir(this.tmpDir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    for (const name of names) {
      const tmpPath = path.join(this.tmpDir, name);
      const stat = await fs.stat(tmpPath).catch(() => undefined);
      if (stat?.isFile() && now - stat.mtimeMs > maxAgeMs) {
        await fs.rm(tmpPath, { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      await fs.access(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * fsync by path: file data survives a crash; for a directory, the rename in it does (POSIX flushes a directory
 * entry separately from the file it names).
 */
async function syncPath(target: string): Promise<void> {
  const handle = await fs.open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
