import { Select } from 'antd';
import { useEffect, useState } from 'react';
import type { DraftSummary } from '../../../../shared/domain/draft.ts';
import { useClient } from '../../../api/useClient.ts';
import { useT } from '../../../app/i18n/useT.ts';

interface Props {
  id: string;
  value: string | undefined;
  excludeId: string;
  onChange(id: string): void;
}

/** Picks another draft of this desk (the policy being interpreted), searching titles and text. */
export function PolicyDraftSelect({ id, value, excludeId, onChange }: Props) {
  const t = useT();
  const client = useClient();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<DraftSummary[]>([]);
  const [selected, setSelected] = useState<DraftSummary | undefined>();

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      client.call('drafts.list', { query, limit: 20 }).then(
        (r) => current && setOptions(r.items.filter((d) => d.id !== excludeId)),
        () => current && setOptions([]),
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, query, excludeId]);

  useEffect(() => {
    if (!value) return;
    let current = true;
    client.call('drafts.get', { id: value }).then(
      (d) => current && setSelected(d),
      () => current && setSelected(undefined),
    );
    return () => {
      current = false;
    };
  }, [client, value]);

  const all =
    selected && !options.some((o) => o.id === selected.id) ? [selected, ...options] : options;
  return (
    <Select<string | null>
      id={id}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      value={value ?? null}
      placeholder={t('meta.policyDraftPlaceholder')}
      notFoundContent={t('meta.policyDraftNone')}
      options={all.map((d) => ({ value: d.id, label: d.title || t('common.untitled') }))}
      onChange={(v) => v && onChange(v)}
    />
  );
}
