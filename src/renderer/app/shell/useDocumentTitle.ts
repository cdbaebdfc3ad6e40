import { useEffect } from 'react';
import { useT } from '../i18n/useT.ts';

/** Names the window after the page (screen readers announce it; the taskbar shows it). */
export function useDocumentTitle(pageTitle: string): void {
  const t = useT();
  const appName = t('app.name');
  useEffect(() => {
    document.title = `${pageTitle} · ${appName}`;
  }, [pageTitle, appName]);
}
