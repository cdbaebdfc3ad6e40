import { NotBuiltPage } from '../../app/shell/NotBuiltPage.tsx';

/** #/channels: not built yet; the page says what it will do. */
export function ChannelsPage() {
  return <NotBuiltPage titleKey="channels.title" bodyKey="channels.body" />;
}
