import { Descriptions, Skeleton, Typography } from 'antd';
import { assertNever } from '../../../shared/assertNever.ts';
import type { ApiOutput } from '../../../shared/api/contract.ts';
import { useApiQuery } from '../../api/useApiQuery.ts';
import { ErrorAlert } from '../../app/errors/ErrorAlert.tsx';
import type { MessageKey } from '../../app/i18n/messageKey.ts';
import { useT } from '../../app/i18n/useT.ts';

function runtimeKey(runtime: ApiOutput<'app.info'>['runtime']): MessageKey {
  switch (runtime) {
    case 'electron':
      return 'info.runtime.electron';
    case 'headless':
      return 'info.runtime.headless';
    default:
      return assertNever(runtime, 'runtime');
  }
}

/** Where the data lives and which versions run, so a user can find and back up their data. */
export function AppInfoPanel() {
  const t = useT();
  const info = useApiQuery('app.info', {});
  if (!info.data) {
    return info.error ? (
      <ErrorAlert error={info.error} title={t('settings.infoLoadFailed')} onRetry={info.reload} />
    ) : (
      <Skeleton active />
    );
  }
  const data = info.data;
  const path = (text: string) => (
    <Typography.Text code copyable={{ text }} style={{ wordBreak: 'break-all' }}>
      {text}
    </Typography.Text>
  );
  return (
    <>
      <Typography.Paragraph>{t('settings.aboutHint')}</Typography.Paragraph>
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 200 } }}
        items={[
          { key: 'version', label: t('info.version'), children: `${data.name} ${data.version}` },
          { key: 'runtime', label: t('info.runtime'), children: t(runtimeKey(data.runtime)) },
          { key: 'dataDir', label: t('info.dataDir'), children: path(data.dataDir) },
          { key: 'databasePath', label: t('info.databasePath'), children: path(data.databasePath) },
          { key: 'schemaVersion', label: t('info.schemaVersion'), children: data.schemaVersion },
          { key: 'sqliteVersion', label: t('info.sqliteVersion'), children: data.sqliteVersion },
          { key: 'nodeVersion', label: t('info.nodeVersion'), children: data.nodeVersion },
        ]}
      />
    </>
  );
}
