import type { DeskApp } from '../core/app.ts';
import { CHANNEL_NAMES } from '../shared/content/channelId.ts';
import { PublicationDetailSchema } from '../shared/publish/publication.ts';
import { WAITING_STATES, type PublicationState } from '../shared/publish/publicationState.ts';

const NEEDS_A_PERSON = new Set<PublicationState>(WAITING_STATES);

/** What is needed of Electron's Notification (the fake electron module gives the same). */
export interface NotificationLike {
  show(): void;
  on(event: 'click', listener: () => void): unknown;
}
export type NotificationFactory = (options: { title: string; body: string }) => NotificationLike;

/**
 * A system notification when a publication fails or waits for a person, so it is seen even
 * with the window in the background: the release, the channel account and what happened.
 * Clicking it brings the window forward. Returns the unsubscribe function.
 */
export function notifyPublications(
  desk: Pick<DeskApp, 'events' | 'call'>,
  notify: NotificationFactory,
  reveal: () => void,
  locale: () => 'zh-CN' | 'en',
): () => void {
  return desk.events.subscribe((event) => {
    if (event.name !== 'publication.changed' || !NEEDS_A_PERSON.has(event.payload.state)) return;
    void desk.call('publish.get', { id: event.payload.id }).then((envelope) => {
      if (!envelope.ok) return;
      const parsed = PublicationDetailSchema.safeParse(envelope.value);
      if (!parsed.success || !NEEDS_A_PERSON.has(parsed.data.state)) return;
      const p = parsed.data;
      const lang = locale() === 'en' ? 'en' : 'zh';
      const where = `${CHANNEL_NAMES[p.channel][lang]} · ${p.accountName}`;
      const title =
        lang === 'zh'
          ? `“${p.title}”发往${where}需要处理`
          : `“${p.title}” to ${where} needs attention`;
      const body =
        p.lastProblem?.message[lang] ??
        (lang === 'zh' ? '请在发布队列中处理。' : 'See the publishing queue.');
      const notification = notify({ title, body });
      notification.on('click', reveal);
      notification.show();
    });
  });
}
