import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../platform/config.js';

const VERSION = 'v1';
const IV_BYTES = 12;
const KEY_FILE = 'secret.key';

/**
 * AES-256-GCM for signing keys and passphrases at rest: "v1.<iv>.<tag>.<ciphertext>" in base64url. GCM's tag
 * makes a tampered or wrongly keyed value fail loudly instead of decrypting to garbage.
 */
export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  static fromKeyMaterial(material: string | Buffer): SecretBox {
    // SHA-256 turns any 32+ byte secret (base64, hex or a long passphrase) into exactly 32 key bytes.
    return new SecretBox(createHash('sha256').update(material).digest());
  }

  encrypt(plain: Buffer | string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain), cipher.final()]);
    return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  decrypt(sealed: string): Buffer {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('Unknown secret format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
  }

  decryptText(sealed: string): string {
    return this.decrypt(sealed).toString('utf8');
  }
}

/**
 * The instance's secret box: SECRET_KEY when configured, otherwise `<dataDir>/secret.key`, created once with
 * 32 random bytes and mode 0600 (only the service account may read it). Called at start, so a missing or
 * unreadable key stops the start rather than the first signature.
 */
export function openSecretBox(config: Pick<Config, 'secretKey' | 'dataDir'>): SecretBox {
  const cacheKey = config.secretKey ? `env:${createHash('sha256').update(config.secretKey).digest('hex')}` : `file:${config.dataDir}`;
  let box = opened.get(cacheKey);
  if (!box) {
    box = config.secretKey ? SecretBox.fromKeyMaterial(config.secretKey) : readKeyFile(config.dataDir);
    opened.set(cacheKey, box);
  }
  return box;
}

const opened = new Map<string, SecretBox>();

function readKeyFile(dataDir: string): SecretBox {
  const file = path.join(dataDir, KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  const material = readFileSync(file, 'utf8').trim();
  if (Buffer.from(material, 'base64').length < 32) throw new Error(`${file}: khóa bí mật phải có 32 byte (base64) — the secret key must hold 32 bytes`);
  return SecretBox.fromKeyMaterial(material);
}
