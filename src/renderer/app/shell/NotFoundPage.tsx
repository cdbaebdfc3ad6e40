import { Typography } from 'antd';
import { useT } from '../i18n/useT.ts';
import { hrefOf } from '../routes/route.ts';
import { PageTitle } from './PageTitle.tsx';
import { useDocumentTitle } from './useDocumentTitle.ts';

export function NotFoundPage({ path }: { path: string }) {
  const t = useT();
  useDocumentTitle(t('notFound.title'));
  return (
    <>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Typography.Paragraph>{t('notFound.body', { path })}</Typography.Paragraph>
      <a href={hrefOf({ name: 'drafts' })}>{t('notFound.back')}</a>
    </>
  );
}
