import { CHANNEL_NAMES } from '../../../shared/content/channelId.ts';
import type { PublicationView } from '../../../shared/publish/publication.ts';

/**
 * "渠道 · 账号" for a publication; just the account's name when it already names the channel
 * (e.g. 沙箱 · 微博), so nothing is said twice.
 */
export function publicationWhere(
  p: Pick<PublicationView, 'channel' | 'accountName'>,
  lang: 'zh' | 'en',
): string {
  const channel = CHANNEL_NAMES[p.channel];
  if (p.accountName.includes(channel.zh) || p.accountName.includes(channel.en))
    return p.accountName;
  return `${channel[lang]} · ${p.accountName}`;
}
