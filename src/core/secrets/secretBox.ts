import type { Message } from '../../shared/content/finding.ts';

/**
 * Seals account secrets before they reach the database, and opens them for the adapters.
 * The desktop shell gives one over Electron's safeStorage (the system keychain); headless, a
 * key file outside the database (keyFileSecretBox). Sealed blobs start with a 4-byte tag
 * naming the box, so a blob sealed by another box is refused with a clear error rather than
 * decrypted into garbage.
 */
export interface SecretBox {
  readonly kind: 'system-keychain' | 'key-file';
  /** Said plainly in the accounts page when the protection is weaker than one would assume. */
  readonly warning: Message | null;
  seal(plain: string): Buffer;
  /** Throws SecretBoxError when the blob cannot be opened (other box, lost key, damage). */
  open(sealed: Buffer): string;
}

export class SecretBoxError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SecretBoxError';
  }
}
