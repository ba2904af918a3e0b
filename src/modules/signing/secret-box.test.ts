import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../platform/config.js';
import { openSecretBox, SecretBox } from './secret-box.js';

describe('secret box (AES-256-GCM for signing keys at rest)', () => {
  it('round-trips, never stores the plain text, and refuses a tampered value or another key', () => {
    const box = SecretBox.fromKeyMaterial('k'.repeat(32));
    const sealed = box.encrypt('mật-khẩu-p12');
    expect(sealed).not.toContain('mật');
    expect(box.decryptText(sealed)).toBe('mật-khẩu-p12');
    expect(box.encrypt('x')).not.toBe(box.encrypt('x'));
    const [v, iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 1;
    expect(() => box.decrypt([v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => SecretBox.fromKeyMaterial('z'.repeat(32)).decrypt(sealed)).toThrow();
  });

  it('creates DATA_DIR/secret.key with mode 0600 on first start and reuses it', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cqs-secret-'));
    const sealed = openSecretBox({ dataDir, secretKey: undefined }).encrypt('abc');
    const file = path.join(dataDir, 'secret.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toHaveLength(32);
    expect(openSecretBox({ dataDir, secretKey: undefined }).decryptText(sealed)).toBe('abc');
  });

  it('SECRET_KEY from the configuration takes precedence and must hold 32 bytes', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cqs-secret-'));
    const config = loadConfig({ DATA_DIR: dataDir, SECRET_KEY: 'a-fixed-test-key-of-at-least-32-bytes' });
    const sealed = openSecretBox(config).encrypt('abc');
    expect(SecretBox.fromKeyMaterial('a-fixed-test-key-of-at-least-32-bytes').decryptText(sealed)).toBe('abc');
    expect(() => loadConfig({ SECRET_KEY: 'too-short' })).toThrow(ConfigError);
  });
});
