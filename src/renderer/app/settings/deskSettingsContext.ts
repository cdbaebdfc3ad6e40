import { createContext } from 'react';
import type { ClientError } from '../../api/clientError.ts';
import { DEFAULT_SETTINGS, type Locale, type Settings } from '../../../shared/domain/settings.ts';

export interface DeskSettings {
  /** The office settings; the defaults until settings.get answers. `locale` is the one in effect. */
  settings: Settings;
  /** True once settings.get has answered. */
  loaded: boolean;
  /** Why settings.get failed, if it did (the defaults are in use meanwhile). */
  loadError: ClientError | undefined;
  /** Why saving the last language switch failed, if it did. */
  localeSaveError: ClientError | undefined;
  /** Switches the language at once, then saves it with settings.set. */
  setLocale(locale: Locale): void;
  /** Adopts settings that were just saved (settings.set's answer). */
  adopt(settings: Settings): void;
  /** Reads the settings again. */
  reload(): void;
}

export const DeskSettingsContext = createContext<DeskSettings>({
  settings: DEFAULT_SETTINGS,
  loaded: false,
  loadError: undefined,
  localeSaveError: undefined,
  setLocale: () => undefined,
  adopt: () => undefined,
  reload: () => undefined,
});
