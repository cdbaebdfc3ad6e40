import { describe, expect, it } from 'vitest';
import { safeStorageSecretBox } from '../../../src/main/safeStorageSecretBox.ts';
import { keyFileSecretBox } from '../../../src/core/secrets/keyFileSecretBox.ts';
import { FakeSafeStorage } from '../../fixtures/fakeElectron.ts';
import { useTempDirs } from '../../fixtures/tempDir.ts';

describe('safeStorageSecretBox', () => {
  const tempDir = useTempDirs();

  it('uses the system keychain when safeStorage has a real backend', () => {
    const storage = new FakeSafeStorage();
    const box = safeStorageSecretBox(storage, tempDir(), 'linux');
    expect(box.kind).toBe('system-keychain');
    expect(box.warning).toBeNull();
    const sealed = box.seal('token-123456');
    expect(sealed.subarray(0, 4).toString()).toBe('PDS1');
    expect(sealed.includes(Buffer.from('token-123456'))).toBe(false);
    expect(box.open(sealed)).toBe('token-123456');
  });

  it('on Linux with only basic_text, uses the key file and says so plainly in both languages', () => {
    const storage = new FakeSafeStorage();
    storage.backend = 'basic_text';
    const box = safeStorageSecretBox(storage, tempDir(), 'linux');
    expect(box.kind).toBe('key-file');
    expect(box.warning?.zh).toMatch(/密钥环/);
    expect(box.warning?.en).toMatch(/no keyring/);
    expect(box.open(box.seal('s3cret'))).toBe('s3cret');
  });

  it('uses the key file when encryption is not available at all', () => {
    const storage = new FakeSafeStorage();
    storage.available = false;
    expect(safeStorageSecretBox(storage, tempDir(), 'linux').kind).toBe('key-file');
  });

  it('opens secrets the headless host sealed with the key file of the same data folder', () => {
    const dir = tempDir();
    const sealedHeadless = keyFileSecretBox(dir).seal('from headless');
    const box = safeStorageSecretBox(new FakeSafeStorage(), dir, 'linux');
    expect(box.open(sealedHeadless)).toBe('from headless');
  });
});
