import { Form, Select } from 'antd';
import { DOCUMENT_KINDS } from '../../../shared/domain/documentKind.ts';
import { DRAFT_STATUSES } from '../../../shared/domain/draftStatus.ts';
import { KIND_KEYS, STATUS_KEYS } from '../../app/i18n/domainLabels.ts';
import { useT } from '../../app/i18n/useT.ts';
import type { KindFilter, StatusFilter } from './draftListInput.ts';

interface Props {
  kind: KindFilter;
  status: StatusFilter;
  onChange(kind: KindFilter, status: StatusFilter): void;
}

/** Kind and status filters, each with a visible label tied to its control. */
export function DraftFilters({ kind, status, onChange }: Props) {
  const t = useT();
  const all = { value: 'all' as const, label: t('drafts.filter.all') };
  return (
    <Form layout="inline" aria-label={t('drafts.filters')} role="search">
      <Form.Item label={t('drafts.filter.kind')} htmlFor="pd-filter-kind">
        <Select<KindFilter>
          id="pd-filter-kind"
          style={{ width: 170 }}
          value={kind}
          onChange={(next) => onChange(next, status)}
          options={[all, ...DOCUMENT_KINDS.map((k) => ({ value: k, label: t(KIND_KEYS[k]) }))]}
        />
      </Form.Item>
      <Form.Item label={t('drafts.filter.status')} htmlFor="pd-filter-status">
        <Select<StatusFilter>
          id="pd-filter-status"
          style={{ width: 140 }}
          value={status}
          onChange={(next) => onChange(kind, next)}
          options={[all, ...DRAFT_STATUSES.map((s) => ({ value: s, label: t(STATUS_KEYS[s]) }))]}
        />
      </Form.Item>
    </Form>
  );
}
