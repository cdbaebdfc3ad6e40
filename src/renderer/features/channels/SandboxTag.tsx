import { Tag } from 'antd';
import { useT } from '../../app/i18n/useT.ts';

/**
 * Marks a sandbox account (or what went to one) wherever it is listed. Dark orange on light
 * orange: antd's orange preset misses WCAG AA contrast.
 */
export function SandboxTag() {
  const t = useT();
  return (
    <Tag style={{ color: '#873800', background: '#fff7e6', borderColor: '#ffd591' }}>
      {t('channels.sandboxTag')}
    </Tag>
  );
}
