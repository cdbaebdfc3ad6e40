import { DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { DOCUMENT_KINDS } from '../../../shared/domain/documentKind.ts';
import { DRAFT_STATUSES } from '../../../shared/domain/draftStatus.ts';
import { KIND_KEYS, STATUS_KEYS } from '../../app/i18n/domainLabels.ts';
import { useT } from '../../app/i18n/useT.ts';
import type { DraftListView, KindFilter, StatusFilter } from './draftListInput.ts';

interface Props {
  view: DraftListView;
  onChange(patch: Partial<DraftListView>): void;
}

/**
 * Search (titles and bodies, any Chinese word from one character) and the filters: kind,
 * status, author and the days the drafts were last saved. Every control has a visible label.
 */
export function DraftFilters({ view, onChange }: Props) {
  const t = useT();
  const all = { value: 'all' as const, label: t('drafts.filter.all') };
  return (
    <Form layout="inline" aria-label={t('drafts.filters')} role="search" style={{ rowGap: 8 }}>
      <Form.Item label={t('drafts.filter.search')} htmlFor="pd-filter-query">
        <Input.Search
          id="pd-filter-query"
          allowClear
          style={{ width: 260 }}
          placeholder={t('drafts.filter.searchPlaceholder')}
          defaultValue={view.query}
          onSearch={(query) => onChange({ query, page: 1 })}
        />
      </Form.Item>
      <Form.Item label={t('drafts.filter.kind')} htmlFor="pd-filter-kind">
        <Select<KindFilter>
          id="pd-filter-kind"
          style={{ width: 150 }}
          value={view.kind}
          onChange={(kind) => onChange({ kind, page: 1 })}
          options={[all, ...DOCUMENT_KINDS.map((k) => ({ value: k, label: t(KIND_KEYS[k]) }))]}
        />
      </Form.Item>
      <Form.Item label={t('drafts.filter.status')} htmlFor="pd-filter-status">
        <Select<StatusFilter>
          id="pd-filter-status"
          style={{ width: 120 }}
          value={view.status}
          onChange={(status) => onChange({ status, page: 1 })}
          options={[all, ...DRAFT_STATUSES.map((s) => ({ value: s, label: t(STATUS_KEYS[s]) }))]}
        />
      </Form.Item>
      <Form.Item label={t('drafts.filter.author')} htmlFor="pd-filter-author">
        <Input
          id="pd-filter-author"
          allowClear
          style={{ width: 130 }}
          defaultValue={view.author}
          onPressEnter={(e) => onChange({ author: e.currentTarget.value, page: 1 })}
          onBlur={(e) => onChange({ author: e.currentTarget.value, page: 1 })}
          onClear={() => onChange({ author: '', page: 1 })}
        />
      </Form.Item>
      <Form.Item label={t('drafts.filter.dates')} htmlFor="pd-filter-dates">
        <DatePicker.RangePicker
          id={{ start: 'pd-filter-dates', end: 'pd-filter-dates-end' }}
          allowEmpty={[true, true]}
          value={[view.from ? dayjs(view.from) : null, view.to ? dayjs(view.to) : null]}
          onChange={(range) =>
            onChange({
              from: range?.[0] ? range[0].format('YYYY-MM-DD') : undefined,
              to: range?.[1] ? range[1].format('YYYY-MM-DD') : undefined,
              page: 1,
            })
          }
        />
      </Form.Item>
    </Form>
  );
}
