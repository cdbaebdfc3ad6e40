import { NotBuiltPage } from '../../app/shell/NotBuiltPage.tsx';

/** #/queue: not built yet; the page says what it will do. */
export function QueuePage() {
  return <NotBuiltPage titleKey="queue.title" bodyKey="queue.body" />;
}
