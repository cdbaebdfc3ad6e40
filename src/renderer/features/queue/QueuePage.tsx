import { Alert, App, Card, Flex, Skeleton, Switch, Tabs, Typography } from 'antd';
import { useState } from 'react';
import {
  ACTIVE_STATES,
  FINAL_STATES,
  WAITING_STATES,
} from '../../../shared/publish/publicationState.ts';
import { asClientError } from '../../api/clientError.ts';
import { useApiEvent } from '../../api/useApiEvent.ts';
import { useApiQuery } from '../../api/useApiQuery.ts';
import { useClient } from '../../api/useClient.ts';
import { ErrorAlert } from '../../app/errors/ErrorAlert.tsx';
import { useT } from '../../app/i18n/useT.ts';
import { useDeskSettings } from '../../app/settings/useDeskSettings.ts';
import { PageTitle } from '../../app/shell/PageTitle.tsx';
import { useDocumentTitle } from '../../app/shell/useDocumentTitle.ts';
import { PublicationsTable } from './PublicationsTable.tsx';

const TABS = {
  active: [...ACTIVE_STATES, 'sending' as const],
  waiting: [...WAITING_STATES],
  done: [...FINAL_STATES],
};

/**
 * #/queue: what is waiting to go out and why, what waits for a person's decision, and what
 * went out lately; the switch that pauses all publishing. Updates live.
 */
export function QueuePage() {
  const t = useT();
  useDocumentTitle(t('queue.title'));
  const [tab, setTab] = useState<keyof typeof TABS>('active');
  const query = useApiQuery('publish.list', { states: TABS[tab], limit: 500 });
  const counts = useApiQuery('publish.list', { states: TABS.waiting, limit: 1000 });
  useApiEvent('publication.changed', () => {
    query.reload();
    counts.reload();
  });
  const network = useApiQuery('network.status', {});
  useApiEvent('network.changed', () => network.reload());
  const { settings, reload } = useDeskSettings();
  const client = useClient();
  const { message } = App.useApp();
  const waiting = counts.data?.length ?? 0;

  async function setPaused(paused: boolean) {
    try {
      await client.call('settings.set', { publishingPaused: paused });
      reload();
      void message.success(paused ? t('queue.pausedNow') : t('queue.resumedNow'));
    } catch (caught) {
      void message.error(asClientError(caught, 'settings.set').message);
    }
  }

  return (
    <>
      <PageTitle>{t('queue.title')}</PageTitle>
      <Flex vertical gap={16}>
        <Card size="small">
          <Flex align="center" gap={12} wrap>
            <Switch
              checked={settings.publishingPaused}
              onChange={(paused) => void setPaused(paused)}
              aria-label={t('queue.pause')}
            />
            <Typography.Text strong>{t('queue.pause')}</Typography.Text>
            <Typography.Text type="secondary">{t('queue.pauseHint')}</Typography.Text>
          </Flex>
        </Card>
        {network.data && !network.data.online ? (
          <Alert type="warning" showIcon title={t('queue.offline')} />
        ) : null}
        {settings.publishingPaused ? (
          <Alert type="warning" showIcon title={t('queue.pausedBanner')} />
        ) : null}
        {waiting > 0 ? (
          <Alert type="error" showIcon title={t('queue.waitingBanner', { n: waiting })} />
        ) : null}
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as keyof typeof TABS)}
          items={[
            { key: 'active', label: t('queue.tab.active') },
            {
              key: 'waiting',
              label: `${t('queue.tab.waiting')}${waiting > 0 ? ` (${waiting})` : ''}`,
            },
            { key: 'done', label: t('queue.tab.done') },
          ]}
        />
        {query.error ? (
          <ErrorAlert error={query.error} title={t('queue.loadFailed')} onRetry={query.reload} />
        ) : query.data ? (
          <div data-ready="true">
            <PublicationsTable publications={query.data} />
          </div>
        ) : (
          <Skeleton active />
        )}
      </Flex>
    </>
  );
}
