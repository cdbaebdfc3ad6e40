import { App, Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import type { PublicationView, Resolution } from '../../../shared/publish/publication.ts';
import { asClientError, type ClientError } from '../../api/clientError.ts';
import { useClient } from '../../api/useClient.ts';
import { ErrorAlert } from '../../app/errors/ErrorAlert.tsx';
import { useT } from '../../app/i18n/useT.ts';

const CANCELLABLE = new Set([
  'scheduled',
  'queued',
  'retrying',
  'failed',
  'missed',
  'needs_reauth',
]);
const SENDABLE = new Set(['unknown', 'failed', 'needs_reauth', 'missed']);

/** What a person may decide for a publication in its state (the host enforces the same). */
export function PublicationActions({ publication }: { publication: PublicationView }) {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const [error, setError] = useState<ClientError | undefined>();
  const [markOpen, setMarkOpen] = useState(false);
  const [url, setUrl] = useState('');

  async function resolve(resolution: Resolution) {
    setError(undefined);
    try {
      await client.call('publish.resolve', { id: publication.id, resolution });
      void message.success(t('queue.resolved'));
      setMarkOpen(false);
    } catch (caught) {
      setError(asClientError(caught, 'publish.resolve'));
    }
  }

  return (
    <Space orientation="vertical" size={4}>
      <Space wrap size={4}>
        {SENDABLE.has(publication.state) ? (
          <Button size="small" type="primary" onClick={() => void resolve({ kind: 'send-now' })}>
            {publication.state === 'unknown' ? t('queue.sendAgain') : t('queue.sendNow')}
          </Button>
        ) : null}
        {publication.state === 'unknown' ? (
          <Button size="small" onClick={() => setMarkOpen(true)}>
            {t('queue.markPublished')}
          </Button>
        ) : null}
        {CANCELLABLE.has(publication.state) ? (
          <Button size="small" danger onClick={() => void resolve({ kind: 'cancel' })}>
            {t('queue.cancel')}
          </Button>
        ) : null}
      </Space>
      {error ? <ErrorAlert error={error} title={t('queue.resolveFailed')} /> : null}
      <Modal
        open={markOpen}
        title={t('queue.markPublishedTitle')}
        okText={t('queue.markPublished')}
        cancelText={t('common.cancel')}
        onCancel={() => setMarkOpen(false)}
        onOk={() => void resolve({ kind: 'mark-published', url: url.trim() })}
      >
        <p>{t('queue.markPublishedHint')}</p>
        <Input
          aria-label={t('queue.publishedUrl')}
          placeholder="https://"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
      </Modal>
    </Space>
  );
}
