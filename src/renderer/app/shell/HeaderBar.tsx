import { Layout } from 'antd';
import { useT } from '../i18n/useT.ts';
import { useDeskSettings } from '../settings/useDeskSettings.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

interface Props {
  /** Moves focus to the main content (the skip link's job). */
  onSkipToContent: () => void;
}

/** The product name in both languages, the office's name when set, and the language switch. */
export function HeaderBar({ onSkipToContent }: Props) {
  const t = useT();
  const { settings } = useDeskSettings();
  return (
    <Layout.Header className="pd-header">
      <button type="button" className="pd-skip-link" onClick={onSkipToContent}>
        {t('shell.skipToContent')}
      </button>
      <div className="pd-brand">
        <span className="pd-brand-zh" lang="zh-CN">
          融媒体发布台
        </span>
        <span className="pd-brand-en" lang="en">
          PressDesk
        </span>
      </div>
      {settings.officeName ? <span className="pd-office">{settings.officeName}</span> : null}
      <div className="pd-header-tools">
        <LanguageSwitch />
      </div>
    </Layout.Header>
  );
}
