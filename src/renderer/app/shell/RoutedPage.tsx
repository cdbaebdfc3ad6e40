import { assertNever } from '../../../shared/assertNever.ts';
import { CalendarPage } from '../../features/calendar/CalendarPage.tsx';
import { ChannelsPage } from '../../features/channels/ChannelsPage.tsx';
import { DraftDetailPage } from '../../features/drafts/DraftDetailPage.tsx';
import { DraftsPage } from '../../features/drafts/DraftsPage.tsx';
import { HistoryPage } from '../../features/history/HistoryPage.tsx';
import { QueuePage } from '../../features/queue/QueuePage.tsx';
import { ReviewPage } from '../../features/review/ReviewPage.tsx';
import { SettingsPage } from '../../features/settings/SettingsPage.tsx';
import type { Route } from '../routes/route.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

/** The page of a route. Exhaustive: a new route does not compile until it has a page. */
export function RoutedPage({ route }: { route: Route }) {
  switch (route.name) {
    case 'drafts':
      return <DraftsPage />;
    case 'draft':
      // Keyed by id: another draft is a fresh page, never the previous one's state.
      return <DraftDetailPage key={route.id} id={route.id} />;
    case 'calendar':
      return <CalendarPage />;
    case 'queue':
      return <QueuePage />;
    case 'history':
      return <HistoryPage />;
    case 'channels':
      return <ChannelsPage />;
    case 'review':
      return <ReviewPage />;
    case 'settings':
      return <SettingsPage />;
    case 'not_found':
      return <NotFoundPage path={route.path} />;
    default:
      return assertNever(route, 'route');
  }
}
