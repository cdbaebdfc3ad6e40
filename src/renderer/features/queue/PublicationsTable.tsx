import { Table, Typography } from 'antd';
import type { PublicationView } from '../../../shared/publish/publication.ts';
import { formatDateTime } from '../../app/format/formatDateTime.ts';
import { useLocale } from '../../app/i18n/useLocale.ts';
import { useT } from '../../app/i18n/useT.ts';
import { useDeskSettings } from '../../app/settings/useDeskSettings.ts';
import { PublicationActions } from './PublicationActions.tsx';
import { PublicationStateTag } from './PublicationStateTag.tsx';
import { publicationWhere } from './publicationWhere.ts';
import { SandboxTag } from '../channels/SandboxTag.tsx';

/** Publications with their state, times, link or problem, and what a person may do. */
export function PublicationsTable({
  publications,
  showTitle = true,
}: {
  publications: PublicationView[];
  showTitle?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const { settings } = useDeskSettings();
  const lang = locale === 'en' ? 'en' : 'zh';
  const time = (iso: string | null) => (iso ? formatDateTime(iso, settings.timeZone, locale) : '—');
  return (
    <Table<PublicationView>
      size="small"
      rowKey="id"
      dataSource={publications}
      pagination={publications.length > 50 ? { pageSize: 50 } : false}
      locale={{ emptyText: t('queue.empty') }}
      onRow={(p) => ({ 'data-publication-id': p.id, 'data-state': p.state }) as never}
      columns={[
        ...(showTitle
          ? [
              {
                title: t('queue.col.release'),
                key: 'title',
                render: (_: unknown, p: PublicationView) => (
                  <a href={`#/drafts/${p.releaseId}`}>{p.title || t('common.untitled')}</a>
                ),
              },
            ]
          : []),
        {
          title: t('queue.col.account'),
          key: 'account',
          render: (_, p) => (
            <span>
              {publicationWhere(p, lang)} {p.sandbox ? <SandboxTag /> : null}
            </span>
          ),
        },
        {
          title: t('queue.col.state'),
          key: 'state',
          render: (_, p) => <PublicationStateTag state={p.state} />,
        },
        {
          title: t('queue.col.when'),
          key: 'when',
          render: (_, p) =>
            p.publishedAt
              ? t('queue.publishedAt', { time: time(p.publishedAt) })
              : p.scheduledAt
                ? t('queue.scheduledFor', { time: time(p.scheduledAt) })
                : p.nextAttemptAt && p.state !== 'queued'
                  ? t('queue.nextAttempt', { time: time(p.nextAttemptAt) })
                  : t('queue.asap'),
        },
        {
          title: t('queue.col.result'),
          key: 'result',
          render: (_, p) =>
            p.remoteUrl ? (
              <a href={p.remoteUrl} target="_blank" rel="noreferrer noopener">
                {t('queue.open')}
              </a>
            ) : p.lastProblem ? (
              <Typography.Text type={p.state === 'retrying' ? 'warning' : 'danger'}>
                {p.lastProblem.message[lang]}
              </Typography.Text>
            ) : p.dependsOn && (p.state === 'queued' || p.state === 'scheduled') ? (
              <Typography.Text type="secondary">{t('queue.waitsForPortal')}</Typography.Text>
            ) : null,
        },
        {
          title: t('queue.col.actions'),
          key: 'actions',
          render: (_, p) => <PublicationActions publication={p} />,
        },
      ]}
    />
  );
}
