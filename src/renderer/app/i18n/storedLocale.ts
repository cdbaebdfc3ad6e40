import { LocaleSchema, type Locale } from '../../../shared/domain/settings.ts';

/**
 * The language is saved with the office settings; this mirror in localStorage only lets the
 * next start show the right language before settings.get has answered.
 */
export const LOCALE_STORAGE_KEY = 'pressdesk.locale';

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

/** The mirrored locale, or undefined when none is stored, it is not a locale, or storage fails. */
export function readStoredLocale(storage: StorageLike | undefined): Locale | undefined {
  try {
    const parsed = LocaleSchema.safeParse(storage?.getItem(LOCALE_STORAGE_KEY));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // storage disabled: fall back to the default
  }
}

export function writeStoredLocale(storage: StorageLike | undefined, locale: Locale): void {
  try {
    storage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Storage full or disabled: the settings still hold the choice.
  }
}

/** The page's `lang` value for a locale. */
export function htmlLangOf(locale: Locale): string {
  return locale === 'zh-CN' ? 'zh-CN' : 'en';
}
