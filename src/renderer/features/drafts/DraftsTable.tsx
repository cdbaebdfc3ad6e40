import { Empty, Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import type { DraftSummary } from '../../../shared/domain/draft.ts';
import { formatDateTime } from '../../app/format/formatDateTime.ts';
import { KIND_KEYS } from '../../app/i18n/domainLabels.ts';
import { useLocale } from '../../app/i18n/useLocale.ts';
import { useT } from '../../app/i18n/useT.ts';
import { navigate } from '../../app/routes/navigate.ts';
import { hrefOf } from '../../app/routes/route.ts';
import { DRAFTS_PAGE_SIZE } from './draftListInput.ts';
import { StatusTag } from './StatusTag.tsx';

interface Props {
  items: readonly DraftSummary[];
  total: number;
  page: number;
  loading: boolean;
  timeZone: string;
  /** What to say when there are no rows (no drafts at all, or none matching the filters). */
  empty: ReactNode;
  onPageChange(page: number): void;
}

/**
 * The drafts, one row each. The title is a real link (keyboard, new tab); a click anywhere
 * else on the row opens the draft too.
 */
export function DraftsTable({ items, total, page, loading, timeZone, empty, onPageChange }: Props) {
  const t = useT();
  const locale = useLocale();
  const columns: TableProps<DraftSummary>['columns'] = [
    {
      key: 'title',
      title: t('drafts.col.title'),
      render: (_, draft) => (
        <a href={hrefOf({ name: 'draft', id: draft.id })}>{draft.title || t('common.untitled')}</a>
      ),
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
        pagination={{
          current: page,
          pageSize: DRAFTS_PAGE_SIZE,
          total,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: onPageChange,
        }}
      />
    </div>
  );
}
