import { NotBuiltPage } from '../../app/shell/NotBuiltPage.tsx';

/** #/history: not built yet; the page says what it will do. */
export function HistoryPage() {
  return <NotBuiltPage titleKey="history.title" bodyKey="history.body" />;
}
