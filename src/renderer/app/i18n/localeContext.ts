import { createContext } from 'react';
import type { Locale } from '../../../shared/domain/settings.ts';

/** The interface language in effect; provided by DeskSettingsProvider. */
export const LocaleContext = createContext<Locale>('zh-CN');
