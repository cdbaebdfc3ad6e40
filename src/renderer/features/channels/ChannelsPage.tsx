import {
  ApiOutlined,
  DeleteOutlined,
  EditOutlined,
  EyeOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  List,
  Popconfirm,
  Skeleton,
  Space,
  Switch,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { AccountView } from '../../../shared/channels/account.ts';
import { CHANNEL_IDS, CHANNEL_NAMES, type ChannelId } from '../../../shared/content/channelId.ts';
import { asClientError, type ClientError } from '../../api/clientError.ts';
import { useApiEvent } from '../../api/useApiEvent.ts';
import { useApiQuery } from '../../api/useApiQuery.ts';
import { useClient } from '../../api/useClient.ts';
import { ErrorAlert } from '../../app/errors/ErrorAlert.tsx';
import { useLocale } from '../../app/i18n/useLocale.ts';
import { useT } from '../../app/i18n/useT.ts';
import { PageTitle } from '../../app/shell/PageTitle.tsx';
import { useDocumentTitle } from '../../app/shell/useDocumentTitle.ts';
import { AccountCheckResult } from './AccountCheckResult.tsx';
import { AccountDialog } from './AccountDialog.tsx';
import { SandboxReceivedDrawer } from './SandboxReceivedDrawer.tsx';
import { SandboxTag } from './SandboxTag.tsx';

type DialogTarget = { account: AccountView } | { channel: ChannelId };

/** Where an account points, in one line (never a secret). */
function addressOf(account: AccountView): string {
  const s = account.settings;
  switch (s.channel) {
    case 'portal':
      return `${s.siteUrl} · ${s.username}`;
    case 'wechat':
      return `${s.appId} · ${s.apiBase}`;
    case 'weibo':
      return s.apiBase;
    case 'mastodon':
      return s.instanceUrl;
    case 'appfeed':
      return s.feedUrl;
    default: {
      const never: never = s;
      return String(never);
    }
  }
}

/**
 * #/channels: every channel's accounts, with their connection test. Sandbox accounts are
 * labelled as such and can show what the sandbox received.
 */
export function ChannelsPage() {
  const t = useT();
  const locale = useLocale();
  useDocumentTitle(t('channels.title'));
  const query = useApiQuery('accounts.list', {});
  useApiEvent('accounts.changed', () => query.reload());
  const [dialog, setDialog] = useState<DialogTarget | undefined>();
  const [showReceived, setShowReceived] = useState(false);
  const { message } = App.useApp();
  const channelName = (c: ChannelId) => CHANNEL_NAMES[c][locale === 'en' ? 'en' : 'zh'];

  const list = query.data;
  return (
    <>
      <PageTitle>{t('channels.title')}</PageTitle>
      <Flex vertical gap={16}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('channels.intro')}</Typography.Paragraph>
        {list ? (
          <>
            <Alert
              type={list.secretStorage.warning ? 'warning' : 'info'}
              showIcon
              title={t(`channels.secretStorage.${list.secretStorage.kind}`)}
              description={
                list.secretStorage.warning
                  ? list.secretStorage.warning[locale === 'en' ? 'en' : 'zh']
                  : undefined
              }
            />
            <Alert
              type={list.sandboxRunning ? 'info' : 'warning'}
              showIcon
              title={list.sandboxRunning ? t('channels.sandboxIntro') : t('channels.sandboxOff')}
              action={
                list.sandboxRunning ? (
                  <Space wrap>
                    <SimulateOfflineSwitch />
                    <Button
                      size="small"
                      icon={<EyeOutlined />}
                      onClick={() => setShowReceived(true)}
                    >
                      {t('channels.sandboxReceived')}
                    </Button>
                  </Space>
                ) : undefined
              }
            />
            {CHANNEL_IDS.map((channel) => (
              <Card
                key={channel}
                title={
                  <h2 className="pd-section-title" style={{ margin: 0 }}>
                    {channelName(channel)}
                  </h2>
                }
                extra={
                  <Button icon={<PlusOutlined />} onClick={() => setDialog({ channel })}>
                    {t('channels.add')}
                  </Button>
                }
              >
                <AccountList
                  accounts={list.items.filter((a) => a.channel === channel)}
                  onEdit={(account) => setDialog({ account })}
                />
              </Card>
            ))}
          </>
        ) : query.error ? (
          <ErrorAlert error={query.error} title={t('channels.loadFailed')} onRetry={query.reload} />
        ) : (
          <Skeleton active />
        )}
      </Flex>
      {dialog ? (
        <AccountDialog
          target={dialog}
          onClose={() => setDialog(undefined)}
          onSaved={() => {
            setDialog(undefined);
            void message.success(t('channels.saved'));
            query.reload();
          }}
        />
      ) : null}
      {showReceived ? <SandboxReceivedDrawer onClose={() => setShowReceived(false)} /> : null}
    </>
  );
}

/** Training: behave as if the network were gone, to see the queue wait and resume. */
function SimulateOfflineSwitch() {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const status = useApiQuery('network.status', {});
  useApiEvent('network.changed', () => status.reload());
  return (
    <Space size={4}>
      <Switch
        size="small"
        checked={status.data?.simulatedOffline ?? false}
        aria-label={t('channels.simulateOffline')}
        onChange={async (offline) => {
          try {
            await client.call('sandbox.simulateOffline', { offline });
            status.reload();
          } catch (caught) {
            void message.error(asClientError(caught, 'sandbox.simulateOffline').message);
          }
        }}
      />
      <span>{t('channels.simulateOffline')}</span>
    </Space>
  );
}

function AccountList({
  accounts,
  onEdit,
}: {
  accounts: AccountView[];
  onEdit(account: AccountView): void;
}) {
  const t = useT();
  if (accounts.length === 0)
    return <Typography.Text type="secondary">{t('channels.none')}</Typography.Text>;
  return (
    <List
      itemLayout="vertical"
      dataSource={accounts}
      renderItem={(account) => <AccountItem account={account} onEdit={() => onEdit(account)} />}
    />
  );
}

function AccountItem({ account, onEdit }: { account: AccountView; onEdit(): void }) {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const [testing, setTesting] = useState(false);
  const [error, setError] = useState<{ title: string; error: ClientError } | undefined>();

  async function test() {
    setTesting(true);
    setError(undefined);
    try {
      await client.call('accounts.test', { id: account.id });
    } catch (caught) {
      setError({ title: t('channels.testFailed'), error: asClientError(caught, 'accounts.test') });
    } finally {
      setTesting(false);
    }
  }

  async function remove() {
    try {
      await client.call('accounts.remove', { id: account.id });
      void message.success(t('channels.removed'));
    } catch (caught) {
      setError({
        title: t('channels.removeFailed'),
        error: asClientError(caught, 'accounts.remove'),
      });
    }
  }

  return (
    <List.Item
      data-account-id={account.id}
      aria-label={account.name}
      actions={[
        <Button
          key="test"
          type="primary"
          icon={<ApiOutlined />}
          loading={testing}
          onClick={() => void test()}
        >
          {t('channels.test')}
        </Button>,
        <Button key="edit" icon={<EditOutlined />} onClick={onEdit}>
          {t('channels.edit')}
        </Button>,
        <Popconfirm
          key="remove"
          title={t('channels.removeConfirm', { name: account.name })}
          okText={t('channels.remove')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => void remove()}
        >
          <Button danger icon={<DeleteOutlined />}>
            {t('channels.remove')}
          </Button>
        </Popconfirm>,
      ]}
    >
      <List.Item.Meta
        title={
          <Space>
            <span>{account.name}</span>
            {account.sandbox ? <SandboxTag /> : null}
          </Space>
        }
        description={addressOf(account)}
      />
      {error ? <ErrorAlert error={error.error} title={error.title} /> : null}
      <AccountCheckResult check={account.lastCheck} />
    </List.Item>
  );
}
