import { Button } from 'antd';
import type { DragEvent } from 'react';
import { publicationWhere } from '../queue/publicationWhere.ts';
import type { Locale } from '../../../shared/domain/settings.ts';
import type { PublicationView } from '../../../shared/publish/publication.ts';
import type { PublicationState } from '../../../shared/publish/publicationState.ts';
import { assertNever } from '../../../shared/assertNever.ts';
import { useT } from '../../app/i18n/useT.ts';
import { PublicationActions } from '../queue/PublicationActions.tsx';
import { PublicationStateTag } from '../queue/PublicationStateTag.tsx';
import { isReschedulable, officeWallTime, type Placed } from './calendarGrid.ts';
import { clockLabel } from './calendarLabels.ts';
import { SandboxTag } from '../channels/SandboxTag.tsx';

/** The MIME type a dragged publication carries (its id). */
export const PUBLICATION_DRAG_TYPE = 'application/x-pressdesk-publication';

type Look = 'active' | 'attention' | 'published' | 'done';

/** How an item looks in its state: waiting for a person stands out; the finished fade. */
function lookOf(state: PublicationState): Look {
  switch (state) {
    case 'scheduled':
    case 'queued':
    case 'sending':
    case 'publishing':
    case 'retrying':
    case 'reconciling':
      return 'active';
    case 'failed':
    case 'needs_reauth':
    case 'unknown':
    case 'missed':
      return 'attention';
    case 'published':
      return 'published';
    case 'cancelled':
    case 'retracted':
      return 'done';
    default:
      return assertNever(state, 'publication state');
  }
}

/** The channel and the account, as the queue names them (the account alone when it names the channel). */
export function accountLabel(publication: PublicationView, locale: Locale): string {
  const label = publicationWhere(publication, locale === 'en' ? 'en' : 'zh');
  // 'the government portal' starts a label here, so it takes a capital.
  return `${label.charAt(0).toUpperCase()}${label.slice(1)}`;
}

interface Props {
  placed: Placed<PublicationView>;
  timeZone: string;
  locale: Locale;
  /** A reschedule of it is under way. */
  moving: boolean;
  onDragStart(publication: PublicationView): void;
  onDragEnd(): void;
  onReschedule(publication: PublicationView): void;
}

/**
 * One publication on the calendar: its time as the office reads it, channel and account, the
 * release (a link to it), its state; scheduled or missed ones can be dragged to another slot
 * or moved with the Reschedule button (the keyboard's way); those that wait for a person
 * carry the queue's decisions.
 */
export function CalendarItem({
  placed,
  timeZone,
  locale,
  moving,
  onDragStart,
  onDragEnd,
  onReschedule,
}: Props) {
  const t = useT();
  const p = placed.item;
  const wall = officeWallTime(placed.at, timeZone);
  const movable = isReschedulable(p.state) && !moving;
  const look = lookOf(p.state);
  const title = p.title || t('common.untitled');
  const account = accountLabel(p, locale);

  function dragStart(event: DragEvent<HTMLDivElement>) {
    event.dataTransfer.setData(PUBLICATION_DRAG_TYPE, p.id);
    event.dataTransfer.setData('text/plain', `${title} · ${account}`);
    event.dataTransfer.effectAllowed = 'move';
    onDragStart(p);
  }

  return (
    <div
      className={`pd-cal-item pd-cal-${look}`}
      data-publication-id={p.id}
      data-state={p.state}
      draggable={movable}
      aria-busy={moving || undefined}
      onDragStart={movable ? dragStart : undefined}
      onDragEnd={movable ? onDragEnd : undefined}
    >
      <div className="pd-cal-item-head">
        <time dateTime={placed.at}>{clockLabel(wall.hour, wall.minute)}</time>
        <PublicationStateTag state={p.state} />
      </div>
      <div className="pd-cal-item-account">
        {account} {p.sandbox ? <SandboxTag /> : null}
      </div>
      {/* Not draggable itself: a drag that starts on the title moves the publication. */}
      <a
        className="pd-cal-item-title"
        href={`#/drafts/${p.releaseId}`}
        title={title}
        draggable={false}
      >
        {title}
      </a>
      {moving ? <div className="pd-cal-item-account">{t('calendar.moving')}</div> : null}
      {isReschedulable(p.state) || look === 'attention' ? (
        <div className="pd-cal-item-actions">
          {isReschedulable(p.state) ? (
            <Button
              size="small"
              disabled={moving}
              aria-label={t('calendar.rescheduleAria', { item: `${title} · ${account}` })}
              onClick={() => onReschedule(p)}
            >
              {t('calendar.reschedule')}
            </Button>
          ) : null}
          {look === 'attention' ? <PublicationActions publication={p} /> : null}
        </div>
      ) : null}
    </div>
  );
}
