import { NotBuiltPage } from '../../app/shell/NotBuiltPage.tsx';

/** #/review: not built yet; the page says what it will do. */
export function ReviewPage() {
  return <NotBuiltPage titleKey="review.title" bodyKey="review.body" />;
}
