import { Alert, Checkbox, DatePicker, Empty, Flex, Modal, Radio, Skeleton, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AccountView } from '../../../../shared/channels/account.ts';
import { CHANNEL_IDS, CHANNEL_NAMES } from '../../../../shared/content/channelId.ts';
import type { PublicationView } from '../../../../shared/publish/publication.ts';
import { zonedTimeToUtc } from '../../../../shared/time/officeTime.ts';
import { asClientError, type ClientError } from '../../../api/clientError.ts';
import { useApiQuery } from '../../../api/useApiQuery.ts';
import { useClient } from '../../../api/useClient.ts';
import { ErrorAlert } from '../../../app/errors/ErrorAlert.tsx';
import { useLocale } from '../../../app/i18n/useLocale.ts';
import { useT } from '../../../app/i18n/useT.ts';
import { useDeskSettings } from '../../../app/settings/useDeskSettings.ts';
import { SandboxTag } from '../../channels/SandboxTag.tsx';

interface Choice {
  when: 'now' | 'later';
  at: Dayjs | null;
}

interface Props {
  releaseId: string;
  /** Blocking findings or unconfirmed personal data in the draft as saved. */
  stops: number;
  /** A policy interpretation's policy, when it is a draft of this desk (发布与解读同步). */
  policyDraftId: string | null;
  /** Saves what is being edited first, so the published revision is what the person sees. */
  flush(): Promise<void>;
  onClose(): void;
  onDone(created: PublicationView[]): void;
}

/**
 * Publish or schedule the draft to chosen accounts: each now or at its own time (in the
 * office's time zone). The host pins the revision, checks it and writes the outbox.
 */
export function PublishDialog({ releaseId, stops, policyDraftId, flush, onClose, onDone }: Props) {
  const t = useT();
  const locale = useLocale();
  const client = useClient();
  const { settings } = useDeskSettings();
  const accounts = useApiQuery('accounts.list', {});
  const [chosen, setChosen] = useState<Record<string, Choice>>({});
  const [error, setError] = useState<ClientError | undefined>();
  const [sending, setSending] = useState(false);
  const [withPolicy, setWithPolicy] = useState(policyDraftId !== null);
  const lang = locale === 'en' ? 'en' : 'zh';
  const ids = Object.keys(chosen);
  const incomplete = ids.some((id) => chosen[id]?.when === 'later' && !chosen[id]?.at);

  async function submit() {
    setSending(true);
    setError(undefined);
    try {
      await flush();
      const created = await client.call('publish.enqueue', {
        releaseId,
        withPolicy: policyDraftId !== null && withPolicy,
        items: ids.map((accountId) => {
          const choice = chosen[accountId];
          const at = choice?.when === 'later' ? choice.at : null;
          return {
            accountId,
            // The picker shows wall-clock time; it is the office's, whatever the computer's zone.
            scheduledAt: at
              ? zonedTimeToUtc(
                  at.format('YYYY-MM-DD'),
                  at.format('HH:mm'),
                  settings.timeZone,
                ).toISOString()
              : null,
          };
        }),
      });
      onDone(created);
    } catch (caught) {
      setError(asClientError(caught, 'publish.enqueue'));
    } finally {
      setSending(false);
    }
  }

  const row = (account: AccountView) => {
    const choice = chosen[account.id];
    return (
      <Flex key={account.id} gap={12} align="center" wrap style={{ minHeight: 36 }}>
        <Checkbox
          checked={choice !== undefined}
          onChange={(e) =>
            setChosen((all) =>
              e.target.checked
                ? { ...all, [account.id]: { when: 'now', at: null } }
                : Object.fromEntries(Object.entries(all).filter(([id]) => id !== account.id)),
            )
          }
        >
          {account.name}
        </Checkbox>
        {account.sandbox ? <SandboxTag /> : null}
        {choice ? (
          <>
            <Radio.Group
              size="small"
              value={choice.when}
              aria-label={t('publish.whenFor', { account: account.name })}
              onChange={(e) =>
                setChosen((all) => ({
                  ...all,
                  [account.id]: { ...choice, when: e.target.value as Choice['when'] },
                }))
              }
              options={[
                { value: 'now', label: t('publish.now') },
                { value: 'later', label: t('publish.later') },
              ]}
              optionType="button"
            />
            {choice.when === 'later' ? (
              <DatePicker
                size="small"
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                value={choice.at}
                aria-label={t('publish.timeFor', { account: account.name })}
                onChange={(at: Dayjs | null) =>
                  setChosen((all) => ({ ...all, [account.id]: { ...choice, at } }))
                }
              />
            ) : null}
          </>
        ) : null}
      </Flex>
    );
  };

  return (
    <Modal
      open
      title={t('publish.title')}
      okText={t('publish.submit', { n: ids.length })}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: ids.length === 0 || incomplete || stops > 0 }}
      confirmLoading={sending}
      onOk={() => void submit()}
      onCancel={onClose}
      width={680}
    >
      <Flex vertical gap={12}>
        {stops > 0 ? (
          <Alert type="error" showIcon title={t('publish.blocked', { n: stops })} />
        ) : null}
        <Typography.Text type="secondary">
          {t('publish.hint', { zone: settings.timeZone })}
        </Typography.Text>
        {policyDraftId !== null ? (
          <Checkbox checked={withPolicy} onChange={(e) => setWithPolicy(e.target.checked)}>
            {t('publish.withPolicy')}
          </Checkbox>
        ) : null}
        {error ? <ErrorAlert error={error} title={t('publish.failed')} /> : null}
        {accounts.data ? (
          accounts.data.items.length === 0 ? (
            <Empty description={<a href="#/channels">{t('publish.noAccounts')}</a>} />
          ) : (
            CHANNEL_IDS.map((channel) => {
              const list = accounts.data?.items.filter((a) => a.channel === channel) ?? [];
              if (list.length === 0) return null;
              return (
                <section key={channel} aria-label={CHANNEL_NAMES[channel][lang]}>
                  <Typography.Text strong>{CHANNEL_NAMES[channel][lang]}</Typography.Text>
                  {list.map(row)}
                </section>
              );
            })
          )
        ) : accounts.error ? (
          <ErrorAlert
            error={accounts.error}
            title={t('channels.loadFailed')}
            onRetry={accounts.reload}
          />
        ) : (
          <Skeleton active />
        )}
      </Flex>
    </Modal>
  );
}
