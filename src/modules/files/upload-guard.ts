import { Transform, type TransformCallback } from 'node:stream';
import { AppError } from '../../platform/errors/app-error.js';
import { SNIFF_BYTES, findMediaType, type AllowedMediaTypeCode } from '../../platform/storage/media-type.js';

/**
 * Sits between the upload and the store: refuses content that is not PDF/JPEG/PNG as soon as its first bytes
 * arrive, and anything larger than the limit as soon as the count passes it. Failing the stream makes the store
 * discard its temp file, so a refused upload leaves nothing on disk.
 */
export class UploadGuard extends Transform {
  private head = Buffer.alloc(0);
  private received = 0;
  mediaType: AllowedMediaTypeCode | undefined;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.received += chunk.length;
    if (this.received > this.maxBytes) return done(tooLarge(this.maxBytes));
    if (this.mediaType) return done(null, chunk);
    this.head = Buffer.concat([this.head, chunk]);
    if (this.head.length < SNIFF_BYTES) return done();
    return this.decide(done);
  }

  override _flush(done: TransformCallback): void {
    if (this.mediaType) return done();
    return this.decide(done);
  }

  private decide(done: TransformCallback): void {
    this.mediaType = findMediaType(this.head);
    if (!this.mediaType) return done(new AppError('UNSUPPORTED_FILE_TYPE'));
    const head = this.head;
    this.head = Buffer.alloc(0);
    return done(null, head);
  }
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError('FILE_TOO_LARGE', { limit: formatBytes(maxBytes) });
}

function formatBytes(bytes: number): string {
  if (bytes >= 1_048_576 && bytes % 1_048_576 === 0) return `${bytes / 1_048_576} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} B`;
}
