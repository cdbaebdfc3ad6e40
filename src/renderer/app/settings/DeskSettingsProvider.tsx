import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { asClientError, type ClientError } from '../../api/clientError.ts';
import { useApiEvent } from '../../api/useApiEvent.ts';
import { useClient } from '../../api/useClient.ts';
import { DEFAULT_SETTINGS, type Locale, type Settings } from '../../../shared/domain/settings.ts';
import { LocaleContext } from '../i18n/localeContext.ts';
import { htmlLangOf, writeStoredLocale } from '../i18n/storedLocale.ts';
import { DeskSettingsContext, type DeskSettings } from './deskSettingsContext.ts';

interface Props {
  /** The language to show before the settings have answered (the localStorage mirror). */
  initialLocale: Locale;
  children: ReactNode;
}

/**
 * Owns the office settings and the interface language for the whole window. The store is
 * the source of truth: its locale wins once it has answered; localStorage only mirrors it so
 * the next start opens in the right language at once. A 'settings.changed' event (from this
 * window or another) switches the language and re-reads the rest.
 */
export function DeskSettingsProvider({ initialLocale, children }: Props) {
  const client = useClient();
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const [stored, setStored] = useState<Settings | undefined>();
  const [loadError, setLoadError] = useState<ClientError | undefined>();
  const [localeSaveError, setLocaleSaveError] = useState<ClientError | undefined>();
  const [generation, setGeneration] = useState(0);

  const adopt = useCallback((settings: Settings) => {
    setStored(settings);
    setLoadError(undefined);
    setLocaleState(settings.locale);
  }, []);

  useEffect(() => {
    let current = true;
    client.call('settings.get', {}).then(
      (settings) => {
        if (current) adopt(settings);
      },
      (error: unknown) => {
        if (current) setLoadError(asClientError(error, 'settings.get'));
      },
    );
    return () => {
      current = false;
    };
  }, [client, adopt, generation]);

  // The language is part of the page itself: its lang attribute, and the mirror for next time.
  useEffect(() => {
    document.documentElement.lang = htmlLangOf(locale);
    writeStoredLocale(window.localStorage, locale);
  }, [locale]);

  useApiEvent('settings.changed', (payload) => {
    setLocaleState(payload.locale);
    setGeneration((g) => g + 1);
  });

  const setLocale = useCallback(
    (next: Locale) => {
      setLocaleState(next);
      setLocaleSaveError(undefined);
      client.call('settings.set', { locale: next }).then(adopt, (error: unknown) => {
        setLocaleSaveError(asClientError(error, 'settings.set'));
      });
    },
    [client, adopt],
  );

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  const value = useMemo<DeskSettings>(
    () => ({
      settings: { ...(stored ?? DEFAULT_SETTINGS), locale },
      loaded: stored !== undefined,
      loadError,
      localeSaveError,
      setLocale,
      adopt,
      reload,
    }),
    [stored, locale, loadError, localeSaveError, setLocale, adopt, reload],
  );

  return (
    <DeskSettingsContext value={value}>
      <LocaleContext value={locale}>{children}</LocaleContext>
    </DeskSettingsContext>
  );
}
