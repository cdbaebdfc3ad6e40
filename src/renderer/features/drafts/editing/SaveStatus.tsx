import {
  CheckCircleOutlined,
  ExclamationCircleOutlined,
  LoadingOutlined,
  EditOutlined,
} from '@ant-design/icons';
import { Typography } from 'antd';
import { assertNever } from '../../../../shared/assertNever.ts';
import { useT } from '../../../app/i18n/useT.ts';
import { useLocale } from '../../../app/i18n/useLocale.ts';
import { formatDateTime } from '../../../app/format/formatDateTime.ts';
import type { SaveState } from './useDraftAutosave.ts';

/** One line saying whether what is on screen is safely stored. Announced politely to screen readers. */
export function SaveStatus({ state, timeZone }: { state: SaveState; timeZone: string }) {
  const t = useT();
  const locale = useLocale();
  let icon;
  let text: string;
  let type: 'secondary' | 'warning' | 'danger' | undefined;
  switch (state.kind) {
    case 'saved':
      icon = <CheckCircleOutlined aria-hidden />;
      text = t('autosave.saved', {
        time: formatDateTime(state.at, timeZone, locale),
        version: state.version,
      });
      type = 'secondary';
      break;
    case 'unsaved':
      icon = <EditOutlined aria-hidden />;
      text = t('autosave.unsaved');
      type = 'secondary';
      break;
    case 'saving':
      icon = <LoadingOutlined aria-hidden />;
      text = t('autosave.saving');
      type = 'secondary';
      break;
    case 'retrying':
      icon = <ExclamationCircleOutlined aria-hidden />;
      text = t('autosave.retrying', { seconds: Math.round(state.inMs / 1000) });
      type = 'warning';
      break;
    case 'conflict':
      icon = <ExclamationCircleOutlined aria-hidden />;
      text = t('autosave.conflict');
      type = 'danger';
      break;
    case 'invalid':
      icon = <ExclamationCircleOutlined aria-hidden />;
      text = t('autosave.invalid');
      type = 'danger';
      break;
    default:
      return assertNever(state, 'save state');
  }
  return (
    <Typography.Text type={type} role="status" aria-live="polite" data-save-state={state.kind}>
      {icon} {text}
    </Typography.Text>
  );
}
