// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  LOCALE_STORAGE_KEY,
  htmlLangOf,
  readStoredLocale,
  writeStoredLocale,
} from '../../../../src/renderer/app/i18n/storedLocale.ts';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    map,
  };
}

describe('stored locale', () => {
  it('round-trips a locale', () => {
    const storage = memoryStorage();
    expect(readStoredLocale(storage)).toBeUndefined();
    writeStoredLocale(storage, 'en');
    expect(storage.map.get(LOCALE_STORAGE_KEY)).toBe('en');
    expect(readStoredLocale(storage)).toBe('en');
  });

  it('ignores a stored value that is not a locale', () => {
    const storage = memoryStorage();
    storage.setItem(LOCALE_STORAGE_KEY, 'fr');
    expect(readStoredLocale(storage)).toBeUndefined();
  });

  it('survives storage that throws (disabled, or full)', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readStoredLocale(broken)).toBeUndefined();
    expect(() => writeStoredLocale(broken, 'en')).not.toThrow();
    expect(readStoredLocale(undefined)).toBeUndefined();
  });

  it('maps locales to the page lang attribute', () => {
    expect(htmlLangOf('zh-CN')).toBe('zh-CN');
    expect(htmlLangOf('en')).toBe('en');
  });
});
