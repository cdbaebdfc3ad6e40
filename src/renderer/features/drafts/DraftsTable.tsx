import { Empty, Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import type { DraftSummary } from '../../../shared/domain/draft.ts';
import { formatDateTime } from '../../app/format/formatDateTime.ts';
import { KIND_KEYS } from '../../app/i18n/domainLabels.ts';
import { useLocale } from '../../app/i18n/useLocale.ts';
import { useT } from '../../app/i18n/useT.ts';
import { navigate } from '../../app/routes/navigate.ts';
import { hrefOf } from '../../app/routes/route.ts';
import { DRAFTS_PAGE_SIZE, type DraftListView, type DraftSortKey } from './draftListInput.ts';
import { StatusTag } from './StatusTag.tsx';

interface Props {
  items: readonly DraftSummary[];
  total: number;
  view: DraftListView;
  loading: boolean;
  timeZone: string;
  /** What to say when there are no rows (no drafts at all, or none matching the filters). */
  empty: ReactNode;
  onViewChange(patch: Partial<DraftListView>): void;
}

/**
 * The drafts, one row each. The title is a real link (keyboard, new tab); a click anywhere
 * else on the row opens the draft too.
 */
export function DraftsTable({ items, total, view, loading, timeZone, empty, onViewChange }: Props) {
  const t = useT();
  const locale = useLocale();
  const sortOrder = (key: DraftSortKey) =>
    view.sort === key ? (view.order === 'asc' ? 'ascend' : 'descend') : null;
  const columns: TableProps<DraftSummary>['columns'] = [
    {
      key: 'title',
      title: t('drafts.col.title'),
      sorter: true,
      sortOrder: sortOrder('title'),
      render: (_, draft) => (
        <>
          <a href={hrefOf({ name: 'draft', id: draft.id })}>
            {draft.title || t('common.untitled')}
          </a>
          {draft.snippet ? <div className="pd-snippet">{draft.snippet}</div> : null}
        </>
      ),
    },
    {
      key: 'createdBy',
      title: t('drafts.col.author'),
      width: 110,
      render: (_, draft) => draft.createdBy,
    },
    {
      key: 'kind',
      title: t('drafts.col.kind'),
      width: 190,
      render: (_, draft) => t(KIND_KEYS[draft.kind]),
    },
    {
      key: 'status',
      title: t('drafts.col.status'),
      width: 110,
      render: (_, draft) => <StatusTag status={draft.status} />,
    },
    {
      key: 'updatedAt',
      title: t('drafts.col.updatedAt'),
      width: 190,
      sorter: true,
      sortOrder: sortOrder('updatedAt'),
      sortDirections: ['descend', 'ascend', 'descend'],
      render: (_, draft) => (
        <time dateTime={draft.updatedAt}>{formatDateTime(draft.updatedAt, timeZone, locale)}</time>
      ),
    },
  ];
  // data-ready marks the list as loaded: end-to-end tests and the first-screen benchmark wait for it.
  return (
    <div data-ready={loading ? 'false' : 'true'}>
      <Table<DraftSummary>
        rowKey="id"
        columns={columns}
        dataSource={[...items]}
        loading={loading}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
        rowClassName={() => 'pd-row-link'}
        onRow={(draft) => ({ onClick: () => navigate({ name: 'draft', id: draft.id }) })}
        onChange={(_pagination, _filters, sorter, extra) => {
          if (extra.action !== 'sort' || Array.isArray(sorter)) return;
          const key = sorter.columnKey === 'title' ? 'title' : 'updatedAt';
          onViewChange({ sort: key, order: sorter.order === 'ascend' ? 'asc' : 'desc', page: 1 });
        }}
        pagination={{
          current: view.page,
          pageSize: DRAFTS_PAGE_SIZE,
          total,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: (page) => onViewChange({ page }),
        }}
      />
    </div>
  );
}
