import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Result, Skeleton, Typography } from 'antd';
import { useRef, useState } from 'react';
import { asClientError, type ClientError } from '../../api/clientError.ts';
import { useApiEvent } from '../../api/useApiEvent.ts';
import { useApiQuery } from '../../api/useApiQuery.ts';
import { useClient } from '../../api/useClient.ts';
import { ErrorAlert } from '../../app/errors/ErrorAlert.tsx';
import { issuesByField } from '../../app/errors/issuesByField.ts';
import { useT } from '../../app/i18n/useT.ts';
import { hrefOf } from '../../app/routes/route.ts';
import { useDeskSettings } from '../../app/settings/useDeskSettings.ts';
import { PageTitle } from '../../app/shell/PageTitle.tsx';
import { useDocumentTitle } from '../../app/shell/useDocumentTitle.ts';
import { DraftFacts } from './DraftFacts.tsx';
import { TitleEditor } from './TitleEditor.tsx';

/**
 * #/drafts/<id>: the draft's facts and its title. Saves carry the version the edit started
 * from (baseVersion); when someone else saved first the store answers `conflict` and nothing
 * is overwritten: the user is told, sees what they typed, and reloads.
 */
export function DraftDetailPage({ id }: { id: string }) {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const { settings } = useDeskSettings();
  const query = useApiQuery('drafts.get', { id });
  const draft = query.data;

  /** The title being typed; undefined while the field shows the stored title. */
  const [editedTitle, setEditedTitle] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ClientError | undefined>();
  /** A newer version saved elsewhere while this page had unsaved changes. */
  const [remoteVersion, setRemoteVersion] = useState<number | undefined>();
  /** The unsaved title that a reload discarded, kept on screen so it is not lost silently. */
  const [discardedTitle, setDiscardedTitle] = useState<string | undefined>();
  /** The version our own last save produced, so its drafts.changed echo is not news. */
  const ownVersion = useRef(0);

  const title = editedTitle ?? draft?.title ?? '';
  const dirty =
    draft !== undefined && editedTitle !== undefined && editedTitle.trim() !== draft.title;
  useDocumentTitle(
    draft
      ? draft.title || t('common.untitled')
      : t(query.error?.code === 'not_found' ? 'draft.notFound' : 'draft.facts'),
  );

  useApiEvent('drafts.changed', (change) => {
    if (change.id !== id) return;
    const known = Math.max(draft?.version ?? 0, ownVersion.current);
    if (change.version <= known) return;
    if (dirty) setRemoteVersion(change.version);
    else query.reload();
  });

  function reloadDiscardingEdits(): void {
    if (dirty) setDiscardedTitle(editedTitle);
    setEditedTitle(undefined);
    setSaveError(undefined);
    setRemoteVersion(undefined);
    query.reload();
  }

  async function saveTitle(): Promise<void> {
    if (!draft) return;
    setSaving(true);
    setSaveError(undefined);
    try {
      const saved = await client.call('drafts.save', {
        id,
        // Our own last save may be newer than the copy still being reloaded; anyone else's
        // save in between is still caught, because the store compares versions exactly.
        baseVersion: Math.max(draft.version, ownVersion.current),
        title,
      });
      ownVersion.current = saved.version;
      setEditedTitle(undefined);
      setDiscardedTitle(undefined);
      query.reload();
      void message.success(t('draft.saved', { version: saved.version }));
    } catch (caught) {
      setSaveError(asClientError(caught, 'drafts.save'));
    } finally {
      setSaving(false);
    }
  }

  const back = (
    <a href={hrefOf({ name: 'drafts' })}>
      <ArrowLeftOutlined aria-hidden /> {t('draft.back')}
    </a>
  );

  if (!draft) {
    if (query.error?.code === 'not_found') {
      return (
        <>
          <PageTitle>{t('draft.notFound')}</PageTitle>
          <Result status="404" subTitle={t('draft.notFoundHint')} extra={back} />
        </>
      );
    }
    return (
      <>
        <div style={{ marginBottom: 12 }}>{back}</div>
        <PageTitle>{t('draft.facts')}</PageTitle>
        {query.error ? (
          <ErrorAlert error={query.error} title={t('draft.loadFailed')} onRetry={query.reload} />
        ) : (
          <Skeleton active />
        )}
      </>
    );
  }

  const titleIssue = saveError
    ? issuesByField(saveError.issues, ['title'] as const).byField.title?.join(' ')
    : undefined;
  const showRemote =
    remoteVersion !== undefined && remoteVersion > draft.version && saveError?.code !== 'conflict';

  return (
    <>
      <div style={{ marginBottom: 12 }}>{back}</div>
      <PageTitle>{draft.title || t('common.untitled')}</PageTitle>

      {query.error ? (
        <ErrorAlert error={query.error} title={t('draft.loadFailed')} onRetry={query.reload} />
      ) : null}
      {showRemote ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('draft.changedElsewhere', { version: remoteVersion })}
          description={t('draft.changedElsewhereHint')}
          action={<Button onClick={reloadDiscardingEdits}>{t('common.reload')}</Button>}
        />
      ) : null}
      {saveError ? (
        <ErrorAlert
          error={saveError}
          title={t('draft.saveFailed')}
          action={
            saveError.code === 'conflict' ? (
              <Button onClick={reloadDiscardingEdits}>{t('common.reload')}</Button>
            ) : undefined
          }
        >
          {saveError.code === 'conflict' ? (
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              {t('draft.unsavedTitle', { title })}
            </Typography.Paragraph>
          ) : null}
        </ErrorAlert>
      ) : null}
      {discardedTitle !== undefined ? (
        <Alert
          type="info"
          showIcon
          closable={{ onClose: () => setDiscardedTitle(undefined) }}
          style={{ marginBottom: 16 }}
          title={
            <Typography.Text copyable={{ text: discardedTitle }}>
              {t('draft.unsavedTitle', { title: discardedTitle })}
            </Typography.Text>
          }
        />
      ) : null}

      <Flex vertical gap={24}>
        <section aria-labelledby="pd-draft-facts">
          <h2 id="pd-draft-facts" className="pd-section-title">
            {t('draft.facts')}
          </h2>
          <DraftFacts draft={draft} timeZone={settings.timeZone} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('draft.timeZoneNote', { timeZone: settings.timeZone })}
          </Typography.Paragraph>
        </section>

        <TitleEditor
          value={title}
          saving={saving}
          canSave={dirty && !saving && !showRemote}
          error={titleIssue}
          onChange={setEditedTitle}
          onSave={() => void saveTitle()}
        />

        <section aria-labelledby="pd-draft-body">
          <h2 id="pd-draft-body" className="pd-section-title">
            {t('draft.bodyHeading')}
          </h2>
          <Alert type="info" showIcon title={t('draft.editorPending')} />
        </section>
      </Flex>
    </>
  );
}
