import { Descriptions } from 'antd';
import type { ReactNode } from 'react';
import type { DraftSummary } from '../../../shared/domain/draft.ts';
import { formatDateTime } from '../../app/format/formatDateTime.ts';
import { KIND_KEYS } from '../../app/i18n/domainLabels.ts';
import { useLocale } from '../../app/i18n/useLocale.ts';
import { useT } from '../../app/i18n/useT.ts';
import { StatusTag } from './StatusTag.tsx';

/** Kind, status, version, times (in the office's zone) and who created and last saved the draft. */
export function DraftFacts({
  draft,
  timeZone,
  compact = false,
}: {
  draft: DraftSummary;
  timeZone: string;
  compact?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const time = (iso: string) => <time dateTime={iso}>{formatDateTime(iso, timeZone, locale)}</time>;
  const withPerson = (when: ReactNode, who: string) =>
    who ? (
      <>
        {when} · {who}
      </>
    ) : (
      when
    );
  return (
    <Descriptions
      bordered={!compact}
      size="small"
      column={compact ? 1 : { xs: 1, sm: 1, md: 2, lg: 3 }}
      items={[
        { key: 'kind', label: t('draft.kind'), children: t(KIND_KEYS[draft.kind]) },
        { key: 'status', label: t('draft.status'), children: <StatusTag status={draft.status} /> },
        { key: 'version', label: t('draft.version'), children: draft.version },
        {
          key: 'createdAt',
          label: t('draft.createdAt'),
          children: withPerson(time(draft.createdAt), draft.createdBy),
        },
        {
          key: 'updatedAt',
          label: t('draft.updatedAt'),
          children: withPerson(time(draft.updatedAt), draft.updatedBy),
        },
      ]}
    />
  );
}
