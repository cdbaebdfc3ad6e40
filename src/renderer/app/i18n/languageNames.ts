import type { Locale } from '../../../shared/domain/settings.ts';
import type { MessageKey } from './messageKey.ts';

/** Each language's own name (简体中文, English): the same in every dictionary. */
export const LANGUAGE_NAME_KEYS: Readonly<Record<Locale, MessageKey>> = {
  'zh-CN': 'lang.zh-CN',
  en: 'lang.en',
};
