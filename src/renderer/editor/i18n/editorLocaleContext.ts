import { createContext } from 'react';
import type { Locale } from '../../../shared/domain/settings.ts';

/** The editor's language, from ReleaseEditor's `locale` prop (the editor does not read the app's). */
export const EditorLocaleContext = createContext<Locale>('zh-CN');
