import { useCallback } from 'react';
import type { MessageKey } from './messageKey.ts';
import { translate, type MessageParams } from './translate.ts';
import { useLocale } from './useLocale.ts';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The translate function of the current language; stable until the language changes. */
export function useT(): Translate {
  const locale = useLocale();
  return useCallback((key, params) => translate(locale, key, params), [locale]);
}
