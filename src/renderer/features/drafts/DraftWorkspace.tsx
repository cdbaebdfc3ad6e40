import { CopyOutlined, HistoryOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Space } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { plainText } from '../../../shared/document/plainText.ts';
import type { Document } from '../../../shared/document/nodes.ts';
import { TITLE_MAX, type Draft } from '../../../shared/domain/draft.ts';
import { asClientError } from '../../api/clientError.ts';
import { useApiEvent } from '../../api/useApiEvent.ts';
import { useClient } from '../../api/useClient.ts';
import { ErrorAlert } from '../../app/errors/ErrorAlert.tsx';
import { useLocale } from '../../app/i18n/useLocale.ts';
import { useT } from '../../app/i18n/useT.ts';
import { ReleaseEditor, type ReleaseEditorHandle } from '../../editor/ReleaseEditor.tsx';
import { DraftFacts } from './DraftFacts.tsx';
import { DocumentCounts } from './editing/DocumentCounts.tsx';
import { DraftMetaForm } from './editing/DraftMetaForm.tsx';
import { importImageFile } from './editing/importImageFile.ts';
import { SaveStatus } from './editing/SaveStatus.tsx';
import { useDraftAutosave } from './editing/useDraftAutosave.ts';
import { RevisionsDrawer } from './revisions/RevisionsDrawer.tsx';
import { ChannelPreviews } from './preview/ChannelPreviews.tsx';
import { FindingsPanel, highlightsOf } from './preview/FindingsPanel.tsx';
import { useDraftPreview } from './preview/useDraftPreview.ts';
import { PublishDialog } from './publish/PublishDialog.tsx';
import { ReleasePublications } from './publish/ReleasePublications.tsx';

interface Props {
  draft: Draft;
  timeZone: string;
  /** Loads the stored draft again and starts a fresh session on it (after a restore or a remote save). */
  reload(): void;
}

/**
 * Writing one draft: title, body (the rich editor), the fields around it, live counts,
 * autosave, revisions. One session per loaded version: a reload starts a new one.
 */
export function DraftWorkspace({ draft, timeZone, reload }: Props) {
  const t = useT();
  const locale = useLocale();
  const client = useClient();
  const { message } = App.useApp();
  const autosave = useDraftAutosave(draft, reload);
  const { working, state } = autosave;
  const [revisionsOpen, setRevisionsOpen] = useState(false);
  const [publishOpen, setPublishOpen] = useState(false);
  const [actionError, setActionError] = useState<ReturnType<typeof asClientError> | undefined>();
  const editorRef = useRef<ReleaseEditorHandle>(null);
  const savedVersion = state.kind === 'saved' ? state.version : draft.version;
  const { preview, error: previewError } = useDraftPreview(draft.id, savedVersion);
  // Marks apply to the text as saved; once the person types on, they wait for the next save.
  const highlights = useMemo(
    () =>
      preview && preview.version === savedVersion && state.kind === 'saved'
        ? highlightsOf(preview.findings)
        : [],
    [preview, savedVersion, state.kind],
  );

  const importImage = useCallback(
    async (file: File) => {
      const item = await importImageFile(client, file);
      return { hash: item.hash, width: item.width, height: item.height };
    },
    [client],
  );

  const checkpoint = useCallback(async () => {
    try {
      await autosave.flush();
      const revision = await client.call('drafts.checkpoint', { id: draft.id });
      void message.success(t('revisions.checkpointed', { n: revision.number }));
      setActionError(undefined);
    } catch (caught) {
      setActionError(asClientError(caught, 'drafts.checkpoint'));
    }
  }, [autosave, client, draft.id, message, t]);

  // Ctrl+S / Cmd+S: save now and keep this state as a revision.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void checkpoint();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [checkpoint]);

  // Someone else saved this draft: their version is taken when nothing here waits to be
  // saved; otherwise the next save reports the conflict and nothing is overwritten.
  useApiEvent('drafts.changed', (change) => {
    if (change.id === draft.id) autosave.announce(change.version);
  });

  async function restore(number: number): Promise<void> {
    try {
      await autosave.flush();
      await client.call('drafts.restore', {
        id: draft.id,
        number,
        baseVersion: autosave.version(),
      });
      void message.success(t('revisions.restored', { n: number }));
      setRevisionsOpen(false);
      reload();
    } catch (caught) {
      setActionError(asClientError(caught, 'drafts.restore'));
    }
  }

  const unsavedText = `${working.title}\n\n${plainText(working.body)}`;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <SaveStatus state={state} timeZone={timeZone} />
        <Space>
          <Button
            icon={<SaveOutlined aria-hidden />}
            onClick={() => void checkpoint()}
            title="Ctrl+S"
          >
            {t('revisions.checkpoint')}
          </Button>
          <Button icon={<HistoryOutlined aria-hidden />} onClick={() => setRevisionsOpen(true)}>
            {t('revisions.open')}
          </Button>
          <Button
            type="primary"
            icon={<SendOutlined aria-hidden />}
            onClick={() => setPublishOpen(true)}
          >
            {t('publish.open')}
          </Button>
        </Space>
      </Flex>

      {state.kind === 'conflict' ? (
        <ErrorAlert
          error={state.error}
          title={t('autosave.conflictTitle')}
          action={
            <Space direction="vertical">
              <Button
                size="small"
                icon={<CopyOutlined aria-hidden />}
                onClick={() =>
                  void navigator.clipboard
                    ?.writeText(unsavedText)
                    .then(() => message.success(t('autosave.copied')))
                }
              >
                {t('autosave.copyMine')}
              </Button>
              <Button size="small" onClick={reload}>
                {t('common.reload')}
              </Button>
            </Space>
          }
        >
          {t('autosave.conflictHint')}
        </ErrorAlert>
      ) : null}
      {state.kind === 'invalid' ? (
        <ErrorAlert error={state.error} title={t('autosave.invalidTitle')} />
      ) : null}
      {state.kind === 'retrying' ? (
        <ErrorAlert error={state.error} title={t('autosave.retryTitle')} />
      ) : null}
      {actionError ? <ErrorAlert error={actionError} title={t('autosave.actionFailed')} /> : null}

      <Flex gap={24} align="start" className="pd-workspace">
        <Flex vertical gap={12} className="pd-workspace-main">
          <Form layout="vertical">
            <Form.Item
              label={t('draft.titleLabel')}
              htmlFor="pd-draft-title"
              style={{ marginBottom: 0 }}
            >
              <Input
                id="pd-draft-title"
                size="large"
                value={working.title}
                maxLength={TITLE_MAX}
                showCount
                autoComplete="off"
                onChange={(e) => autosave.update({ title: e.target.value })}
              />
            </Form.Item>
          </Form>
          <section aria-label={t('draft.bodyHeading')}>
            <ReleaseEditor
              ref={editorRef}
              highlights={highlights}
              initialState={draft.body}
              locale={locale}
              importImage={importImage}
              onChange={(body: Document) => autosave.update({ body })}
            />
          </section>
          <DocumentCounts body={working.body} />
          <Card size="small" title={t('preview.heading')}>
            {previewError ? <ErrorAlert error={previewError} title={t('preview.failed')} /> : null}
            <ChannelPreviews
              preview={preview}
              variants={working.meta.channels}
              onVariantsChange={(channels) =>
                autosave.update({ meta: { ...working.meta, channels } })
              }
              importImage={importImage}
            />
          </Card>
        </Flex>
        <Flex vertical gap={16} className="pd-workspace-side">
          <Card size="small" title={t('publish.heading')}>
            <ReleasePublications releaseId={draft.id} flush={() => autosave.flush()} />
          </Card>
          <Card size="small" title={t('checks.heading')}>
            <FindingsPanel
              findings={preview?.findings}
              onReveal={(at) => editorRef.current?.revealRange(at)}
              onConfirmPersonalData={(key, confirmed) => {
                const keys = working.meta.publicPersonalData.filter((k) => k !== key);
                autosave.update({
                  meta: { ...working.meta, publicPersonalData: confirmed ? [...keys, key] : keys },
                });
              }}
            />
          </Card>
          <Card size="small" title={t('draft.facts')}>
            <DraftFacts draft={draft} timeZone={timeZone} compact />
          </Card>
          <Card size="small" title={t('meta.heading')}>
            <DraftMetaForm
              meta={working.meta}
              draftId={draft.id}
              onChange={(meta) => autosave.update({ meta })}
              importImage={importImage}
            />
          </Card>
          {state.kind === 'conflict' ? <Alert type="info" title={t('autosave.keptHere')} /> : null}
        </Flex>
      </Flex>

      <RevisionsDrawer
        open={revisionsOpen}
        draftId={draft.id}
        timeZone={timeZone}
        version={state.kind === 'saved' ? state.version : autosave.version()}
        onClose={() => setRevisionsOpen(false)}
        onRestore={restore}
      />
      {publishOpen ? (
        <PublishDialog
          releaseId={draft.id}
          policyDraftId={
            working.meta.kind === 'policy_interpretation' && working.meta.policy.source === 'draft'
              ? working.meta.policy.draftId
              : null
          }
          stops={
            preview?.findings.filter(
              (f) =>
                f.severity === 'block' || (f.severity === 'confirm' && !f.personalData?.confirmed),
            ).length ?? 0
          }
          flush={() => autosave.flush()}
          onClose={() => setPublishOpen(false)}
          onDone={(created) => {
            setPublishOpen(false);
            void message.success(t('publish.done', { n: created.length }));
          }}
        />
      ) : null}
    </Flex>
  );
}
