import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Message } from '../../shared/content/finding.ts';
import { SecretBoxError, type SecretBox } from './secretBox.ts';

export const KEY_FILE_NAME = 'secrets.key';
const TAG = Buffer.from('PDK1');
const KEY_BYTES = 32;
const IV_BYTES = 12;
const AUTH_TAG_BYTES = 16;

/**
 * Secrets sealed with AES-256-GCM under a random key kept in `<dataDir>/secrets.key` (mode
 * 0600, created on first use): the database alone, or a copy of it, does not reveal them.
 * Whoever can read the data folder as this user can, which is why the desktop shell prefers
 * the system keychain. A group- or world-readable key file is tightened to 0600.
 */
export function keyFileSecretBox(dataDir: string, warning: Message | null = null): SecretBox {
  const path = join(dataDir, KEY_FILE_NAME);
  // Read (or made) on first use, so building the box touches nothing: the store checks the
  // data folder first and reports a folder that cannot be used in its own words.
  let loaded: Buffer | undefined;
  const keyOf = () => (loaded ??= loadOrCreateKey(path));
  return {
    kind: 'key-file',
    warning,
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keyOf(), iv);
      cipher.setAAD(TAG);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([TAG, iv, cipher.getAuthTag(), body]);
    },
    open(sealed) {
      if (!sealed.subarray(0, TAG.length).equals(TAG)) {
        throw new SecretBoxError(
          'These secrets were sealed by another secret store (the system keychain).',
        );
      }
      const iv = sealed.subarray(TAG.length, TAG.length + IV_BYTES);
      const authTag = sealed.subarray(
        TAG.length + IV_BYTES,
        TAG.length + IV_BYTES + AUTH_TAG_BYTES,
      );
      const body = sealed.subarray(TAG.length + IV_BYTES + AUTH_TAG_BYTES);
      try {
        const decipher = createDecipheriv('aes-256-gcm', keyOf(), iv);
        decipher.setAAD(TAG);
        decipher.setAuthTag(authTag);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch (error) {
        throw new SecretBoxError(
          `The secrets cannot be opened with ${path}: the key file was replaced or the data damaged.`,
          { cause: error },
        );
      }
    },
  };
}

function loadOrCreateKey(path: string): Buffer {
  let fd: number;
  try {
    // 'wx': create only if absent, so two processes never write two different keys.
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
    const key = readFileSync(path);
    if (key.length !== KEY_BYTES) {
      throw new SecretBoxError(`${path} is not a PressDesk key file (wrong length).`);
    }
    return key;
  }
  const key = randomBytes(KEY_BYTES);
  try {
    writeSync(fd, key);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return key;
}
