import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useApiEvent } from '../../api/useApiEvent.ts';
import { useApiQuery } from '../../api/useApiQuery.ts';
import { ErrorAlert } from '../../app/errors/ErrorAlert.tsx';
import { useT } from '../../app/i18n/useT.ts';
import { useDeskSettings } from '../../app/settings/useDeskSettings.ts';
import { PageTitle } from '../../app/shell/PageTitle.tsx';
import { useDocumentTitle } from '../../app/shell/useDocumentTitle.ts';
import { DraftFilters } from './DraftFilters.tsx';
import { DEFAULT_VIEW, draftListInput, isFiltered, type DraftListView } from './draftListInput.ts';
import { DraftsTable } from './DraftsTable.tsx';
import { NewDraftDialog } from './NewDraftDialog.tsx';

/**
 * #/drafts: every draft, newest first by default; search, filters and sortable columns.
 * Refreshes on drafts.changed.
 */
export function DraftsPage() {
  const t = useT();
  useDocumentTitle(t('drafts.title'));
  const { settings } = useDeskSettings();
  const [view, setView] = useState<DraftListView>(DEFAULT_VIEW);
  const [filtersKey, setFiltersKey] = useState(0);
  const [creating, setCreating] = useState(false);
  const list = useApiQuery('drafts.list', draftListInput(view, settings.timeZone));
  useApiEvent('drafts.changed', () => list.reload());
  const update = (patch: Partial<DraftListView>) => setView((v) => ({ ...v, ...patch }));

  const filtered = isFiltered(view);
  const clearFilters = () => {
    setView(DEFAULT_VIEW);
    setFiltersKey((k) => k + 1); // remounts the uncontrolled search and author fields
  };
  const empty = filtered ? (
    <>
      {t('drafts.emptyFiltered')}{' '}
      <Button type="link" onClick={clearFilters} style={{ padding: 0 }}>
        {t('drafts.clearFilters')}
      </Button>
    </>
  ) : (
    t('drafts.empty')
  );

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <PageTitle>{t('drafts.title')}</PageTitle>
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => setCreating(true)}
        >
          {t('drafts.new')}
        </Button>
      </Flex>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <DraftFilters key={filtersKey} view={view} onChange={update} />
        {list.data ? (
          <Typography.Text type="secondary">
            {t('drafts.summary', { total: list.data.total, timeZone: settings.timeZone })}
          </Typography.Text>
        ) : null}
      </Flex>
      {list.error ? (
        <ErrorAlert error={list.error} title={t('drafts.loadFailed')} onRetry={list.reload} />
      ) : null}
      {list.error && !list.data ? null : (
        <DraftsTable
          items={list.data?.items ?? []}
          total={list.data?.total ?? 0}
          view={view}
          loading={list.loading}
          timeZone={settings.timeZone}
          empty={empty}
          onViewChange={update}
        />
      )}
      <NewDraftDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
