import { LoadingOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useEditorText } from '../i18n/useEditorText.ts';
import type { Notice } from './editorNotices.ts';

interface NoticeListProps {
  notices: readonly Notice[];
  onDismiss: (id: number) => void;
}

/** The editor's notices. Errors are announced assertively, the rest politely. */
export function NoticeList({ notices, onDismiss }: NoticeListProps) {
  const t = useEditorText();
  return (
    <div className="pd-ed-notices" aria-live="polite">
      {notices.map((notice) => (
        <Alert
          key={notice.id}
          type={notice.kind === 'progress' ? 'info' : notice.kind}
          showIcon
          {...(notice.kind === 'progress' ? { icon: <LoadingOutlined aria-hidden /> } : {})}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          title={notice.text}
          {...(notice.kind === 'progress'
            ? {}
            : {
                closable: {
                  'aria-label': t('notice.dismiss'),
                  onClose: () => onDismiss(notice.id),
                },
              })}
        />
      ))}
    </div>
  );
}
