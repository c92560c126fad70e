import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12; // the size GCM is designed for
const TAG_BYTES = 16;
/** Separates this key from anything else derived from SECRET_KEY (CSRF tokens sign with it too). */
const KEY_INFO = 'gaung/secret-box/v1';

/** A sealed value could not be opened: wrong key, wrong context, or tampered with. */
export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

/**
 * Encrypts secrets Gaung must be able to read back (integration HMAC secrets, channel
 * credentials) with AES-256-GCM under a key derived from SECRET_KEY. Sealed form:
 * "v1.<iv>.<tag>.<ciphertext>" in base64url, safe to store in a text column.
 *
 * `context` (e.g. the row's id) is bound as additional authenticated data, so a sealed value
 * copied into another row does not open there.
 */
export class SecretBox {
  private key: Buffer | null = null;

  /** The key is derived on first use: a process that never touches secrets needs no SECRET_KEY. */
  constructor(private readonly secretKey: string | undefined) {}

  seal(plaintext: string, context = ''): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.derivedKey(), iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  open(sealed: string, context = ''): string {
    const parts = sealed.split('.');
    if (parts.length !== 4 || parts[0] !== VERSION) throw new SecretBoxError('not a sealed secret');
    const [iv, tag, ciphertext] = parts.slice(1).map((part) => Buffer.from(part, 'base64url'));
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretBoxError('not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.derivedKey(), iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError('the secret cannot be opened with this key and context');
    }
  }

  private derivedKey(): Buffer {
    if (!this.key) {
      if (!this.secretKey || this.secretKey.length < 32) throw new SecretBoxError('SECRET_KEY (at least 32 characters) is needed to seal secrets');
      this.key = Buffer.from(hkdfSync('sha256', this.secretKey, Buffer.alloc(0), KEY_INFO, 32));
    }
    return this.key;
  }
}
