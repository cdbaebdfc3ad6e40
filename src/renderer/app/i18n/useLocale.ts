import { useContext } from 'react';
import type { Locale } from '../../../shared/domain/settings.ts';
import { LocaleContext } from './localeContext.ts';

export function useLocale(): Locale {
  return useContext(LocaleContext);
}
