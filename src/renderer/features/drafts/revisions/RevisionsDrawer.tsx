import { Alert, Button, Drawer, Flex, List, Popconfirm, Radio, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type {
  RevisionComparison,
  RevisionRef,
  RevisionSummary,
} from '../../../../shared/domain/draft.ts';
import { asClientError, type ClientError } from '../../../api/clientError.ts';
import { useClient } from '../../../api/useClient.ts';
import { ErrorAlert } from '../../../app/errors/ErrorAlert.tsx';
import { formatDateTime } from '../../../app/format/formatDateTime.ts';
import { useLocale } from '../../../app/i18n/useLocale.ts';
import { useT } from '../../../app/i18n/useT.ts';
import { RevisionDiffView } from './RevisionDiffView.tsx';

interface Props {
  open: boolean;
  draftId: string;
  timeZone: string;
  /** Changes whenever the draft is saved, so the list stays current while open. */
  version: number;
  onClose(): void;
  /** Restores revision `number`; the page saves pending edits first and reloads after. */
  onRestore(number: number): Promise<void>;
}

/**
 * The draft's revisions, newest first, with who wrote each and when. Pick one to compare it
 * with the current text (or with another revision), and restore it: a restore is itself a
 * new revision, so nothing is ever lost.
 */
export function RevisionsDrawer({ open, draftId, timeZone, version, onClose, onRestore }: Props) {
  const t = useT();
  const locale = useLocale();
  const client = useClient();
  const [revisions, setRevisions] = useState<RevisionSummary[]>([]);
  const [error, setError] = useState<ClientError | undefined>();
  const [from, setFrom] = useState<RevisionRef | undefined>();
  const [to, setTo] = useState<RevisionRef>('working');
  /** The last comparison loaded, with the pair it compares; shown only while that pair is chosen. */
  const [loaded, setLoaded] = useState<{ key: string; value: RevisionComparison } | undefined>();
  const pairKey =
    from === undefined || from === to ? undefined : `${String(from)}:${String(to)}:${version}`;
  const comparison = loaded && loaded.key === pairKey ? loaded.value : undefined;
  const [restoring, setRestoring] = useState<number | undefined>();

  useEffect(() => {
    if (!open) return;
    let current = true;
    client.call('drafts.revisions', { id: draftId }).then(
      (list) => {
        if (!current) return;
        setRevisions(list);
        setError(undefined);
      },
      (e: unknown) => current && setError(asClientError(e, 'drafts.revisions')),
    );
    return () => {
      current = false;
    };
  }, [client, draftId, open, version]);

  useEffect(() => {
    if (!open || from === undefined || pairKey === undefined) return;
    let current = true;
    client.call('drafts.compare', { id: draftId, from, to }).then(
      (c) => current && setLoaded({ key: pairKey, value: c }),
      (e: unknown) => current && setError(asClientError(e, 'drafts.compare')),
    );
    return () => {
      current = false;
    };
  }, [client, draftId, open, from, to, pairKey]);

  const label = (ref: RevisionRef) =>
    ref === 'working' ? t('revisions.working') : t('revisions.number', { n: ref });

  return (
    <Drawer open={open} onClose={onClose} title={t('revisions.title')} size="large" destroyOnHidden>
      {error ? <ErrorAlert error={error} title={t('revisions.loadFailed')} /> : null}
      <Typography.Paragraph type="secondary">{t('revisions.hint')}</Typography.Paragraph>
      <List
        dataSource={revisions}
        aria-label={t('revisions.title')}
        renderItem={(r) => (
          <List.Item
            actions={[
              <Button
                key="compare"
                size="small"
                type={from === r.number ? 'primary' : 'default'}
                onClick={() => setFrom(r.number)}
              >
                {t('revisions.compare')}
              </Button>,
              <Popconfirm
                key="restore"
                title={t('revisions.restoreConfirm', { n: r.number })}
                okText={t('revisions.restore')}
                cancelText={t('common.cancel')}
                onConfirm={async () => {
                  setRestoring(r.number);
                  try {
                    await onRestore(r.number);
                    setFrom(undefined);
                  } finally {
                    setRestoring(undefined);
                  }
                }}
              >
                <Button
                  size="small"
                  loading={restoring === r.number}
                  aria-label={t('revisions.restoreNumber', { n: r.number })}
                >
                  {t('revisions.restore')}
                </Button>
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space>
                  <span>{t('revisions.number', { n: r.number })}</span>
                  <Tag>{t(`revisions.reason.${r.reason}`)}</Tag>
                  {r.restoredFrom ? (
                    <Typography.Text type="secondary">
                      {t('revisions.restoredFrom', { n: r.restoredFrom })}
                    </Typography.Text>
                  ) : null}
                </Space>
              }
              description={
                <Flex gap={12} wrap>
                  <span>{r.title || t('common.untitled')}</span>
                  <span>{r.author || t('revisions.unknownAuthor')}</span>
                  <time dateTime={r.createdAt}>
                    {formatDateTime(r.createdAt, timeZone, locale)}
                  </time>
                  <span>{t('counts.characters', { n: r.characters })}</span>
                </Flex>
              }
            />
          </List.Item>
        )}
      />
      {from !== undefined ? (
        <section aria-label={t('revisions.comparison')} style={{ marginTop: 16 }}>
          <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
            <Typography.Text strong>
              {t('revisions.comparing', { from: label(from) })}
            </Typography.Text>
            <Radio.Group
              size="small"
              value={to === 'working' ? 'working' : 'latest'}
              onChange={(e) =>
                setTo(
                  e.target.value === 'working' ? 'working' : (revisions[0]?.number ?? 'working'),
                )
              }
              options={[
                { value: 'working', label: t('revisions.working') },
                { value: 'latest', label: t('revisions.latest') },
              ]}
            />
          </Flex>
          {comparison ? (
            <RevisionDiffView comparison={comparison} />
          ) : (
            <Alert type="info" title={t('revisions.sameVersion')} />
          )}
        </section>
      ) : null}
    </Drawer>
  );
}
