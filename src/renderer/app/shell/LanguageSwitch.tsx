import { Radio } from 'antd';
import { LOCALES, type Locale } from '../../../shared/domain/settings.ts';
import { LANGUAGE_NAME_KEYS } from '../i18n/languageNames.ts';
import { htmlLangOf } from '../i18n/storedLocale.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { useT } from '../i18n/useT.ts';
import { useDeskSettings } from '../settings/useDeskSettings.ts';

/** Each language is named in itself, so a user who cannot read the current one still finds theirs. */
export function LanguageSwitch() {
  const t = useT();
  const locale = useLocale();
  const { setLocale } = useDeskSettings();
  return (
    <Radio.Group
      aria-label={t('shell.languageLabel')}
      optionType="button"
      buttonStyle="solid"
      size="small"
      value={locale}
      onChange={(event) => setLocale(event.target.value as Locale)}
      options={LOCALES.map((value) => ({
        value,
        label: <span lang={htmlLangOf(value)}>{t(LANGUAGE_NAME_KEYS[value])}</span>,
      }))}
    />
  );
}
