import { Alert, Layout } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { ErrorAlert } from '../errors/ErrorAlert.tsx';
import { useT } from '../i18n/useT.ts';
import { sectionOf } from '../routes/route.ts';
import { useHashRoute } from '../routes/useHashRoute.ts';
import { useDeskSettings } from '../settings/useDeskSettings.ts';
import { HeaderBar } from './HeaderBar.tsx';
import { NavMenu } from './NavMenu.tsx';
import { RoutedPage } from './RoutedPage.tsx';
import { PublicationNotices } from './PublicationNotices.tsx';

const MAIN_ID = 'pd-main';

function focusMain(): void {
  const main = document.getElementById(MAIN_ID);
  const heading = main?.querySelector<HTMLElement>('[data-page-title]');
  (heading ?? main)?.focus();
}

/** Header, navigation and the routed page, in the header / nav / main landmarks. */
export function AppShell() {
  const t = useT();
  const { route, hash } = useHashRoute();
  const { loadError, localeSaveError, reload } = useDeskSettings();

  // After a route change (not on first load), focus the new page's heading so keyboard and
  // screen-reader users land on it instead of staying on the link they activated.
  const previousHash = useRef(hash);
  useEffect(() => {
    if (previousHash.current === hash) return;
    previousHash.current = hash;
    focusMain();
  }, [hash]);

  const skipToContent = useCallback(() => focusMain(), []);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <PublicationNotices />
      <HeaderBar onSkipToContent={skipToContent} />
      <Layout>
        <Layout.Sider width={208} theme="light" style={{ borderRight: '1px solid #e3e7ee' }}>
          <NavMenu current={sectionOf(route)} />
        </Layout.Sider>
        <Layout.Content id={MAIN_ID} className="pd-main" tabIndex={-1}>
          {loadError ? (
            <ErrorAlert error={loadError} title={t('shell.settingsNotLoaded')} onRetry={reload} />
          ) : null}
          {localeSaveError ? (
            <Alert
              type="warning"
              showIcon
              closable
              title={t('shell.languageNotSaved')}
              description={t('common.detail', { detail: localeSaveError.message })}
              style={{ marginBottom: 16 }}
            />
          ) : null}
          <RoutedPage route={route} />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
