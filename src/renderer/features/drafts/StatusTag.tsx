import { Tag } from 'antd';
import { assertNever } from '../../../shared/assertNever.ts';
import type { DraftStatus } from '../../../shared/domain/draftStatus.ts';
import { STATUS_KEYS } from '../../app/i18n/domainLabels.ts';
import { useT } from '../../app/i18n/useT.ts';

interface TagColors {
  color: string;
  background: string;
  borderColor: string;
}

/** Status colors, each text/background pair at least 4.5:1 (Ant Design's presets are not). */
function colorsOf(status: DraftStatus): TagColors {
  switch (status) {
    case 'draft':
      return { color: '#3d3d3d', background: '#f2f3f5', borderColor: '#c9ced6' };
    case 'in_review':
      return { color: '#7a4500', background: '#fff5e6', borderColor: '#e8bf7d' };
    case 'approved':
      return { color: '#1d4f91', background: '#e9f0fa', borderColor: '#a9c0e2' };
    case 'published':
      return { color: '#1e6b34', background: '#eaf6ed', borderColor: '#a6d3b1' };
    case 'retracted':
      return { color: '#8f1d1d', background: '#fcecec', borderColor: '#e3aaaa' };
    default:
      return assertNever(status, 'draft status');
  }
}

export function StatusTag({ status }: { status: DraftStatus }) {
  const t = useT();
  return <Tag style={{ ...colorsOf(status), marginInlineEnd: 0 }}>{t(STATUS_KEYS[status])}</Tag>;
}
