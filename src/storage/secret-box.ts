// Encryption at rest for portal addresses (they carry the webhook secret): AES-256-GCM, each value bound to its row.
import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync } from 'node:crypto';

export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
}

export interface SecretBox {
  /** `boundTo` names the value's place (e.g. `portal_connections:3`); only the same place opens it. */
  seal(plain: string, boundTo: string): string;
  open(sealed: string, boundTo: string): string;
}

export const MIN_KEY_LENGTH = 16;

const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = 'v1';

/** A 32-byte key from ENCRYPTION_KEY: raw when given as 64 hex or 44 base64 characters, else derived by scrypt. */
function deriveKey(key: string): Buffer {
  if (/^[0-9a-fA-F]{64}$/.test(key)) return Buffer.from(key, 'hex');
  if (/^[A-Za-z0-9+/]{43}=$/.test(key)) return Buffer.from(key, 'base64');
  if (key.length < MIN_KEY_LENGTH) {
    throw new SecretBoxError(`ENCRYPTION_KEY must be at least ${MIN_KEY_LENGTH} characters long.`);
  }
  // A fixed salt is enough here: the key is the operator's own secret, and the salt keeps this use apart from others.
  const salt = createHash('sha256').update('b24-director-assistant/secret-box').digest();
  return scryptSync(key, salt, 32);
}

export function createSecretBox(key: string): SecretBox {
  const secret = deriveKey(key);
  return {
    seal(plain, boundTo) {
      // A fresh IV for every value: GCM loses all protection when an IV repeats under one key.
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', secret, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(boundTo, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [FORMAT, iv, cipher.getAuthTag(), body]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    open(sealed, boundTo) {
      const [format, iv, tag, body, ...rest] = sealed.split('.');
      if (format !== FORMAT || iv === undefined || tag === undefined || body === undefined || rest.length > 0) {
        throw new SecretBoxError('The stored secret is not in a known format.');
      }
      const ivBytes = Buffer.from(iv, 'base64url');
      const tagBytes = Buffer.from(tag, 'base64url');
      if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) {
        throw new SecretBoxError('The stored secret is not in a known format.');
      }
      try {
        // authTagLength pinned: otherwise a truncated (weaker) tag would be accepted.
        const decipher = createDecipheriv('aes-256-gcm', secret, ivBytes, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(boundTo, 'utf8'));
        decipher.setAuthTag(tagBytes);
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError(
          'The stored secret cannot be opened: ENCRYPTION_KEY differs from the one it was sealed with, or the value was altered or moved.',
        );
      }
    },
  };
}
