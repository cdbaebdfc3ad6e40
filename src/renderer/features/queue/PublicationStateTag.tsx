import { Tag } from 'antd';
import type { PublicationState } from '../../../shared/publish/publicationState.ts';
import { useT } from '../../app/i18n/useT.ts';
import { PUBLICATION_STATE_LABELS } from './publicationStateLabels.ts';

export function PublicationStateTag({ state }: { state: PublicationState }) {
  const t = useT();
  const { key, color } = PUBLICATION_STATE_LABELS[state];
  return (
    <Tag color={color} data-state={state}>
      {t(key)}
    </Tag>
  );
}
