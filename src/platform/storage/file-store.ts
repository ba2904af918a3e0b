import type { Readable } from 'node:stream';

/** What storing a blob produced: its content address and length. */
export interface StoredBlob {
  sha256: string;
  size: number;
}

/**
 * Where file contents live, addressed by their SHA-256 (identical content is stored once).
 * The local disk implements it now; an S3-compatible store can implement the same three calls later.
 */
export interface FileStore {
  /**
   * Consumes the stream and stores its bytes. If the stream fails (too large, wrong type, client gone),
   * nothing is left behind and the stream's error is rethrown.
   */
  put(content: Readable): Promise<StoredBlob>;
  /** The stored bytes; throws when the blob does not exist (callers check their own records first). */
  get(sha256: string): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
  /** Removes what interrupted uploads left behind, older than `maxAgeMs`, where the store keeps such leftovers. */
  sweepTemp?(maxAgeMs: number): Promise<number>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isSha256(value: string): boolean {
  return SHA256_HEX.test(value);
}
