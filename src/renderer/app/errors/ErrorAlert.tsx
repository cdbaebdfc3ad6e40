import { Alert, Button, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ClientError } from '../../api/clientError.ts';
import { ERROR_MESSAGE_KEYS } from '../i18n/errorMessageKey.ts';
import { useT } from '../i18n/useT.ts';

interface Props {
  error: ClientError;
  /** What failed, in the user's words (e.g. 标题未保存); the code's sentence follows it. */
  title: string;
  /** Offered as a "Retry" button when given. */
  onRetry?: () => void;
  /** Another action instead of Retry (e.g. Reload on a conflict). */
  action?: ReactNode;
  /** Extra lines under the sentence (e.g. the text that was not saved). */
  children?: ReactNode;
}

/**
 * A failed call, told the way a person can act on it: what failed, the sentence for its code
 * in the interface language, and the host's own message as the detail (for `storage` it says
 * what to do; for `internal` it carries the log reference). Issues name the fields.
 */
export function ErrorAlert({ error, title, onRetry, action, children }: Props) {
  const t = useT();
  const actionNode =
    action ??
    (onRetry ? (
      <Button size="small" onClick={onRetry}>
        {t('common.retry')}
      </Button>
    ) : undefined);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      action={actionNode}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            {t(ERROR_MESSAGE_KEYS[error.code])}
          </Typography.Paragraph>
          {error.message ? (
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              {t('common.detail', { detail: error.message })}
            </Typography.Paragraph>
          ) : null}
          {error.issues.length > 0 ? (
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {error.issues.map((issue, index) => (
                <li key={`${issue.path}-${index}`}>
                  {issue.path ? <code>{issue.path}</code> : null}
                  {issue.path ? ': ' : null}
                  {issue.message}
                </li>
              ))}
            </ul>
          ) : null}
          {children}
        </>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
