import { Drawer, Empty, Skeleton, Table, Tag, Typography } from 'antd';
import { CHANNEL_NAMES } from '../../../shared/content/channelId.ts';
import { useApiQuery } from '../../api/useApiQuery.ts';
import { ErrorAlert } from '../../app/errors/ErrorAlert.tsx';
import { formatDateTime } from '../../app/format/formatDateTime.ts';
import { useLocale } from '../../app/i18n/useLocale.ts';
import { useT } from '../../app/i18n/useT.ts';
import { useDeskSettings } from '../../app/settings/useDeskSettings.ts';

/**
 * What each sandbox channel received in this session, newest first: a trainee sees exactly
 * which calls publishing made and what the channel did with them.
 */
export function SandboxReceivedDrawer({ onClose }: { onClose(): void }) {
  const t = useT();
  const locale = useLocale();
  const { settings } = useDeskSettings();
  const query = useApiQuery('sandbox.received', {});
  return (
    <Drawer open size="large" title={t('channels.sandboxReceivedTitle')} onClose={onClose}>
      {query.error ? (
        <ErrorAlert error={query.error} title={t('channels.loadFailed')} onRetry={query.reload} />
      ) : !query.data ? (
        <Skeleton active />
      ) : (
        query.data.channels.map((channel) => (
          <section key={channel.channel} style={{ marginBottom: 24 }}>
            <h3 style={{ marginBottom: 8 }}>
              {CHANNEL_NAMES[channel.channel][locale === 'en' ? 'en' : 'zh']}{' '}
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                {channel.url}
              </Typography.Text>
            </h3>
            {channel.records.length === 0 ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('channels.sandboxNothing')}
              />
            ) : (
              <Table
                size="small"
                pagination={false}
                rowKey={(_, index) => String(index)}
                dataSource={[...channel.records].reverse().slice(0, 50)}
                columns={[
                  {
                    title: t('channels.col.time'),
                    dataIndex: 'at',
                    width: 150,
                    render: (at: string) => formatDateTime(at, settings.timeZone, locale),
                  },
                  {
                    title: t('channels.col.request'),
                    key: 'request',
                    render: (_, r) => <code>{`${r.method} ${r.path}`}</code>,
                  },
                  {
                    title: t('channels.col.status'),
                    dataIndex: 'status',
                    width: 60,
                    render: (status: number) => (
                      <Tag color={status >= 200 && status < 300 ? 'green' : 'red'}>
                        {status || '—'}
                      </Tag>
                    ),
                  },
                  { title: t('channels.col.note'), dataIndex: 'note' },
                ]}
              />
            )}
          </section>
        ))
      )}
    </Drawer>
  );
}
