import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_FILE_NAME, keyFileSecretBox } from '../../../../src/core/secrets/keyFileSecretBox.ts';
import { SecretBoxError } from '../../../../src/core/secrets/secretBox.ts';
import { useTempDirs } from '../../../fixtures/tempDir.ts';

describe('keyFileSecretBox', () => {
  const tempDir = useTempDirs();

  it('seals and opens, never showing the clear text, with a 0600 key file of 32 bytes', () => {
    const dir = tempDir();
    const box = keyFileSecretBox(dir);
    const sealed = box.seal('应用密码 abcd-1234');
    expect(sealed.includes(Buffer.from('abcd-1234'))).toBe(false);
    expect(box.open(sealed)).toBe('应用密码 abcd-1234');
    const keyFile = join(dir, KEY_FILE_NAME);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile)).toHaveLength(32);
    expect(box.kind).toBe('key-file');
  });

  it('seals the same text differently every time (random IV)', () => {
    const box = keyFileSecretBox(tempDir());
    expect(box.seal('x').equals(box.seal('x'))).toBe(false);
  });

  it('keeps its key across openings, and tightens a key file others can read', () => {
    const dir = tempDir();
    const sealed = keyFileSecretBox(dir).seal('secret');
    chmodSync(join(dir, KEY_FILE_NAME), 0o644);
    expect(keyFileSecretBox(dir).open(sealed)).toBe('secret');
    expect(statSync(join(dir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
  });

  it('refuses a blob from another key, a damaged blob, or another box, with SecretBoxError', () => {
    const sealed = keyFileSecretBox(tempDir()).seal('secret');
    const other = keyFileSecretBox(tempDir());
    expect(() => other.open(sealed)).toThrow(SecretBoxError);
    const damaged = Buffer.from(sealed);
    damaged[damaged.length - 1] = (damaged[damaged.length - 1] ?? 0) ^ 1;
    expect(() => keyFileSecretBox(tempDir()).open(damaged)).toThrow(SecretBoxError);
    expect(() => other.open(Buffer.from('PDS1xxxx'))).toThrow(/system keychain/);
  });

  it('refuses a key file of the wrong length rather than using it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, KEY_FILE_NAME), 'short', { mode: 0o600 });
    expect(() => keyFileSecretBox(dir).seal('x')).toThrow(/not a PressDesk key file/);
  });
});
