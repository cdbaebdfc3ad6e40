import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { assertNever } from '../../shared/assertNever.ts';
import type { Locale } from '../../shared/domain/settings.ts';
import { useLocale } from './i18n/useLocale.ts';
import { themeFor } from './theme.ts';

function antdLocaleOf(locale: Locale) {
  switch (locale) {
    case 'zh-CN':
      return zhCN;
    case 'en':
      return enUS;
    default:
      return assertNever(locale, 'locale');
  }
}

/** Ant Design in the interface language (its own texts: pagination, modals, empty states). */
export function LocalizedAntd({ children }: { children: ReactNode }) {
  const locale = useLocale();
  return (
    <ConfigProvider
      locale={antdLocaleOf(locale)}
      theme={themeFor(locale)}
      // "重试", not "重 试": the spaced form also becomes the button's accessible name.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
