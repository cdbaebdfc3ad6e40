import { App, Button, Flex, Input, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { PublicationChange } from '../../../../shared/publish/publicationChange.ts';
import { asClientError, type ClientError } from '../../../api/clientError.ts';
import { useApiEvent } from '../../../api/useApiEvent.ts';
import { useApiQuery } from '../../../api/useApiQuery.ts';
import { useClient } from '../../../api/useClient.ts';
import { ErrorAlert } from '../../../app/errors/ErrorAlert.tsx';
import { formatDateTime } from '../../../app/format/formatDateTime.ts';
import { useLocale } from '../../../app/i18n/useLocale.ts';
import { useT } from '../../../app/i18n/useT.ts';
import { useDeskSettings } from '../../../app/settings/useDeskSettings.ts';
import { publicationWhere } from '../../queue/publicationWhere.ts';

const OUTCOME_COLOR: Record<PublicationChange['outcome'], string> = {
  done: 'green',
  confirmed: 'green',
  manual: 'volcano',
  retry: 'gold',
  failed: 'red',
  unknown: 'volcano',
};

/**
 * Retract or correct the release everywhere it went, and the record of each request: what
 * each channel did, and, where it offers no API, what a person must do (with the link), who
 * then confirms it is done.
 */
export function ReleaseChangesPanel({
  releaseId,
  anyPublished,
  flush,
}: {
  releaseId: string;
  anyPublished: boolean;
  flush(): Promise<void>;
}) {
  const t = useT();
  const locale = useLocale();
  const lang = locale === 'en' ? 'en' : 'zh';
  const client = useClient();
  const { message } = App.useApp();
  const { settings } = useDeskSettings();
  const record = useApiQuery('publish.changes', { releaseId });
  useApiEvent('publication.changed', (event) => {
    if (event.releaseId === releaseId) record.reload();
  });
  const [asking, setAsking] = useState<'retract' | 'correct' | undefined>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientError | undefined>();

  async function run(kind: 'retract' | 'correct') {
    setBusy(true);
    setError(undefined);
    try {
      if (kind === 'correct') await flush();
      await client.call(kind === 'retract' ? 'publish.retract' : 'publish.correct', {
        releaseId,
        reason,
      });
      void message.success(kind === 'retract' ? t('changes.retracted') : t('changes.corrected'));
      setAsking(undefined);
      setReason('');
      record.reload();
    } catch (caught) {
      setError(asClientError(caught, kind === 'retract' ? 'publish.retract' : 'publish.correct'));
    } finally {
      setBusy(false);
    }
  }

  async function confirm(change: PublicationChange) {
    try {
      await client.call('publish.confirmChange', {
        publicationId: change.publicationId,
        kind: change.kind,
      });
      record.reload();
    } catch (caught) {
      setError(asClientError(caught, 'publish.confirmChange'));
    }
  }

  const changes = record.data ?? [];
  // A manual request is open until a later record of the same publication and kind settles it.
  const settled = (c: PublicationChange) =>
    changes.some(
      (d) =>
        d.publicationId === c.publicationId &&
        d.kind === c.kind &&
        d.number > c.number &&
        (d.outcome === 'confirmed' || d.outcome === 'done'),
    );

  return (
    <Flex vertical gap={8}>
      {anyPublished ? (
        <Flex gap={8} wrap>
          <Button danger onClick={() => setAsking('retract')}>
            {t('changes.retract')}
          </Button>
          <Button onClick={() => setAsking('correct')}>{t('changes.correct')}</Button>
        </Flex>
      ) : null}
      {error ? <ErrorAlert error={error} title={t('changes.failed')} /> : null}
      {changes.length > 0 ? (
        <List
          size="small"
          header={<Typography.Text strong>{t('changes.heading')}</Typography.Text>}
          dataSource={[...changes].reverse()}
          renderItem={(c) => (
            <List.Item data-change-outcome={c.outcome}>
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Flex justify="space-between" gap={8}>
                  <Typography.Text>
                    {c.kind === 'retract' ? t('changes.kind.retract') : t('changes.kind.correct')} ·{' '}
                    {publicationWhere(c, lang)}
                  </Typography.Text>
                  <Tag color={OUTCOME_COLOR[c.outcome]}>{t(`changes.outcome.${c.outcome}`)}</Tag>
                </Flex>
                <Typography.Text type="secondary">
                  {formatDateTime(c.requestedAt, settings.timeZone, locale)} · {c.requestedBy}
                  {c.reason ? ` · ${c.reason}` : ''}
                </Typography.Text>
                {c.problem ? <Typography.Text>{c.problem.message[lang]}</Typography.Text> : null}
                {c.outcome === 'manual' && !settled(c) ? (
                  <Flex gap={8} wrap>
                    {c.url ? (
                      <a href={c.url} target="_blank" rel="noreferrer noopener">
                        {t('changes.openThere')}
                      </a>
                    ) : null}
                    <Button size="small" type="primary" onClick={() => void confirm(c)}>
                      {t('changes.confirmDone')}
                    </Button>
                  </Flex>
                ) : null}
              </Flex>
            </List.Item>
          )}
        />
      ) : null}
      <Modal
        open={asking !== undefined}
        title={asking === 'retract' ? t('changes.retractTitle') : t('changes.correctTitle')}
        okText={asking === 'retract' ? t('changes.retract') : t('changes.correct')}
        okButtonProps={{ danger: asking === 'retract' }}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => asking && void run(asking)}
        onCancel={() => setAsking(undefined)}
      >
        <p>{asking === 'retract' ? t('changes.retractHint') : t('changes.correctHint')}</p>
        <Input.TextArea
          aria-label={t('changes.reason')}
          placeholder={t('changes.reason')}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Flex>
  );
}
