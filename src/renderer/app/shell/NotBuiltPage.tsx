import { Alert } from 'antd';
import type { MessageKey } from '../i18n/messageKey.ts';
import { useT } from '../i18n/useT.ts';
import { PageTitle } from './PageTitle.tsx';
import { useDocumentTitle } from './useDocumentTitle.ts';

/** A section of the finished app that is not built yet: its name and what it will do. No mock data. */
export function NotBuiltPage({ titleKey, bodyKey }: { titleKey: MessageKey; bodyKey: MessageKey }) {
  const t = useT();
  useDocumentTitle(t(titleKey));
  return (
    <>
      <PageTitle>{t(titleKey)}</PageTitle>
      <Alert type="info" showIcon title={t('notBuilt.status')} description={t(bodyKey)} />
    </>
  );
}
