import { Empty, Flex, List, Typography } from 'antd';
import { CHANNEL_IDS } from '../../../../shared/content/channelId.ts';
import { useApiEvent } from '../../../api/useApiEvent.ts';
import { useApiQuery } from '../../../api/useApiQuery.ts';
import { ErrorAlert } from '../../../app/errors/ErrorAlert.tsx';
import { formatDateTime } from '../../../app/format/formatDateTime.ts';
import { useLocale } from '../../../app/i18n/useLocale.ts';
import { useT } from '../../../app/i18n/useT.ts';
import { useDeskSettings } from '../../../app/settings/useDeskSettings.ts';
import { PublicationActions } from '../../queue/PublicationActions.tsx';
import { PublicationStateTag } from '../../queue/PublicationStateTag.tsx';
import { publicationWhere } from '../../queue/publicationWhere.ts';
import { ReleaseChangesPanel } from './ReleaseChangesPanel.tsx';

/** Where this release went (or is going), live, in channel order: compact, for the side panel. */
export function ReleasePublications({
  releaseId,
  flush,
}: {
  releaseId: string;
  /** Saves what is being edited (before a correction pins it). */
  flush(): Promise<void>;
}) {
  const t = useT();
  const locale = useLocale();
  const { settings } = useDeskSettings();
  const query = useApiQuery('publish.list', { releaseId, limit: 200 });
  useApiEvent('publication.changed', (event) => {
    if (event.releaseId === releaseId) query.reload();
  });
  if (query.error)
    return <ErrorAlert error={query.error} title={t('queue.loadFailed')} onRetry={query.reload} />;
  if (!query.data) return null;
  if (query.data.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('publish.none')} />;
  const lang = locale === 'en' ? 'en' : 'zh';
  const time = (iso: string) => formatDateTime(iso, settings.timeZone, locale);
  const items = [...query.data].sort(
    (a, b) => CHANNEL_IDS.indexOf(a.channel) - CHANNEL_IDS.indexOf(b.channel),
  );
  return (
    <Flex vertical gap={8}>
      <List
        data-testid="release-publications"
        size="small"
        dataSource={items}
        renderItem={(p) => (
          <List.Item data-publication-id={p.id} data-state={p.state}>
            <Flex vertical gap={2} style={{ width: '100%' }}>
              <Flex justify="space-between" align="center" gap={8}>
                <Typography.Text strong>{publicationWhere(p, lang)}</Typography.Text>
                <PublicationStateTag state={p.state} />
              </Flex>
              <Typography.Text type="secondary">
                {p.publishedAt
                  ? t('queue.publishedAt', { time: time(p.publishedAt) })
                  : p.scheduledAt
                    ? t('queue.scheduledFor', { time: time(p.scheduledAt) })
                    : p.dependsOn && (p.state === 'queued' || p.state === 'scheduled')
                      ? t('queue.waitsForPortal')
                      : t('queue.asap')}
              </Typography.Text>
              {p.remoteUrl && p.state !== 'retracted' ? (
                <a href={p.remoteUrl} target="_blank" rel="noreferrer noopener">
                  {t('queue.openOn', { where: publicationWhere(p, lang) })}
                </a>
              ) : p.lastProblem ? (
                <Typography.Text type={p.state === 'retrying' ? 'warning' : 'danger'}>
                  {p.lastProblem.message[lang]}
                </Typography.Text>
              ) : null}
              <PublicationActions publication={p} />
            </Flex>
          </List.Item>
        )}
      />
      <ReleaseChangesPanel
        releaseId={releaseId}
        anyPublished={items.some((p) => p.state === 'published')}
        flush={flush}
      />
    </Flex>
  );
}
