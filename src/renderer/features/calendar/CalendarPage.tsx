import { NotBuiltPage } from '../../app/shell/NotBuiltPage.tsx';

/** #/calendar: not built yet; the page says what it will do. */
export function CalendarPage() {
  return <NotBuiltPage titleKey="calendar.title" bodyKey="calendar.body" />;
}
