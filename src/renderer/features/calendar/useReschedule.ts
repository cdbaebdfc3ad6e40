import { App } from 'antd';
import { useCallback, useState } from 'react';
import type { Locale } from '../../../shared/domain/settings.ts';
import type { PublicationView } from '../../../shared/publish/publication.ts';
import { useClient } from '../../api/useClient.ts';
import { formatDateTime } from '../../app/format/formatDateTime.ts';
import { useT } from '../../app/i18n/useT.ts';

export interface Rescheduler {
  /**
   * Asks the host to move the publication to `at`; answers the host's view of it, or throws
   * the ClientError (e.g. code `refused` when its state no longer allows it).
   */
  reschedule(publication: PublicationView, at: Date): Promise<PublicationView>;
  /**
   * The list as it is to be shown: a publication being moved already at its new time, and
   * the host's answer to a move until the list read after it is at least as new.
   */
  apply(list: readonly PublicationView[]): PublicationView[];
  isMoving(id: string): boolean;
}

/** Moves publications to other times, showing each move at once and confirming it. */
export function useReschedule(timeZone: string, locale: Locale): Rescheduler {
  const client = useClient();
  const t = useT();
  const { message } = App.useApp();
  const [moving, setMoving] = useState<ReadonlyMap<string, string>>(new Map());
  const [answers, setAnswers] = useState<ReadonlyMap<string, PublicationView>>(new Map());

  const reschedule = useCallback(
    async (publication: PublicationView, at: Date) => {
      const iso = at.toISOString();
      setMoving((m) => new Map(m).set(publication.id, iso));
      try {
        const view = await client.call('publish.reschedule', { id: publication.id, at: iso });
        setAnswers((a) => new Map(a).set(view.id, view));
        void message.success(
          t('calendar.rescheduled', {
            time: formatDateTime(view.scheduledAt ?? iso, timeZone, locale),
          }),
        );
        return view;
      } finally {
        setMoving((m) => {
          const next = new Map(m);
          next.delete(publication.id);
          return next;
        });
      }
    },
    [client, message, t, timeZone, locale],
  );

  const apply = useCallback(
    (list: readonly PublicationView[]) =>
      list.map((p) => {
        const answer = answers.get(p.id);
        const shown = answer && answer.updatedAt > p.updatedAt ? answer : p;
        const to = moving.get(p.id);
        return to === undefined ? shown : { ...shown, scheduledAt: to };
      }),
    [answers, moving],
  );

  const isMoving = useCallback((id: string) => moving.has(id), [moving]);
  return { reschedule, apply, isMoving };
}
