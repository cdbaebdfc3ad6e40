import { ArrowLeftOutlined } from '@ant-design/icons';
import { Result, Skeleton } from 'antd';
import { useApiQuery } from '../../api/useApiQuery.ts';
import { ErrorAlert } from '../../app/errors/ErrorAlert.tsx';
import { useT } from '../../app/i18n/useT.ts';
import { hrefOf } from '../../app/routes/route.ts';
import { useDeskSettings } from '../../app/settings/useDeskSettings.ts';
import { PageTitle } from '../../app/shell/PageTitle.tsx';
import { useDocumentTitle } from '../../app/shell/useDocumentTitle.ts';
import { lazy, Suspense } from 'react';

/** The writing view carries the editor (Lexical): loaded when a draft is opened, not at start. */
const DraftWorkspace = lazy(() =>
  import('./DraftWorkspace.tsx').then((m) => ({ default: m.DraftWorkspace })),
);

/**
 * #/drafts/<id>: loads the draft and opens a writing session on it. The session is keyed by
 * the loaded version: reloading (after a restore, or another window's save) starts a new one
 * on what the store now holds.
 */
export function DraftDetailPage({ id }: { id: string }) {
  const t = useT();
  const { settings } = useDeskSettings();
  const query = useApiQuery('drafts.get', { id });
  const draft = query.data;
  useDocumentTitle(
    draft
      ? draft.title || t('common.untitled')
      : t(query.error?.code === 'not_found' ? 'draft.notFound' : 'draft.facts'),
  );

  const back = (
    <a href={hrefOf({ name: 'drafts' })}>
      <ArrowLeftOutlined aria-hidden /> {t('draft.back')}
    </a>
  );

  if (!draft || draft.id !== id) {
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

  return (
    <>
      <div style={{ marginBottom: 12 }}>{back}</div>
      <PageTitle>{draft.title || t('common.untitled')}</PageTitle>
      {query.error ? (
        <ErrorAlert error={query.error} title={t('draft.loadFailed')} onRetry={query.reload} />
      ) : null}
      <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
        <DraftWorkspace
          key={`${draft.id}@${draft.version}`}
          draft={draft}
          timeZone={settings.timeZone}
          reload={query.reload}
        />
      </Suspense>
    </>
  );
}
