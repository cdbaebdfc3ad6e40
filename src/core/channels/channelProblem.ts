import type { ChannelId } from '../../shared/content/channelId.ts';
import type { Message } from '../../shared/content/finding.ts';

/**
 * Why a channel call did not simply succeed, in words a press officer can act on.
 * `code` is stable and machine-readable (`wechat.40164`, `http.timeout`, `reply.malformed`);
 * `channelSaid` keeps what the channel itself answered (errmsg, error text), untranslated,
 * for the history and for support. Never carries a secret.
 */
export interface ChannelProblem {
  channel: ChannelId;
  code: string;
  message: Message;
  channelSaid?: string | undefined;
}

export function problem(
  channel: ChannelId,
  code: string,
  zh: string,
  en: string,
  channelSaid?: string,
): ChannelProblem {
  return channelSaid === undefined
    ? { channel, code, message: { zh, en } }
    : { channel, code, message: { zh, en }, channelSaid: channelSaid.slice(0, 500) };
}
