import { Card, Flex, Skeleton } from 'antd';
import { ErrorAlert } from '../../app/errors/ErrorAlert.tsx';
import { useT } from '../../app/i18n/useT.ts';
import { useDeskSettings } from '../../app/settings/useDeskSettings.ts';
import { PageTitle } from '../../app/shell/PageTitle.tsx';
import { useDocumentTitle } from '../../app/shell/useDocumentTitle.ts';
import { AppInfoPanel } from './AppInfoPanel.tsx';
import { SettingsForm } from './SettingsForm.tsx';
import { WordListEditor } from './WordListEditor.tsx';

/** #/settings: the office settings, and where this desk keeps its data. */
export function SettingsPage() {
  const t = useT();
  useDocumentTitle(t('settings.title'));
  const { settings, loaded, loadError, reload } = useDeskSettings();
  return (
    <>
      <PageTitle>{t('settings.title')}</PageTitle>
      <Flex vertical gap={24}>
        <Card
          title={
            <h2 className="pd-section-title" style={{ margin: 0 }}>
              {t('settings.office')}
            </h2>
          }
        >
          {loaded ? (
            // Keyed by the settings: when they change (the header's language switch, another
            // window) the form starts again from them, so saving it never reverts that change.
            <SettingsForm key={JSON.stringify(settings)} initial={settings} />
          ) : loadError ? (
            <ErrorAlert error={loadError} title={t('settings.loadFailed')} onRetry={reload} />
          ) : (
            <Skeleton active />
          )}
        </Card>
        <Card
          title={
            <h2 className="pd-section-title" style={{ margin: 0 }}>
              {t('wordlist.heading')}
            </h2>
          }
        >
          <WordListEditor />
        </Card>
        <Card
          title={
            <h2 className="pd-section-title" style={{ margin: 0 }}>
              {t('settings.about')}
            </h2>
          }
        >
          <AppInfoPanel />
        </Card>
      </Flex>
    </>
  );
}
