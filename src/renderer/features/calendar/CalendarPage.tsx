import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Flex, Radio, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import type { PublicationView } from '../../../shared/publish/publication.ts';
import { PUBLICATION_STATES } from '../../../shared/publish/publicationState.ts';
import { zonedDate } from '../../../shared/time/officeTime.ts';
import { asClientError, type ClientError } from '../../api/clientError.ts';
import { useApiEvent } from '../../api/useApiEvent.ts';
import { useApiQuery } from '../../api/useApiQuery.ts';
import { ErrorAlert } from '../../app/errors/ErrorAlert.tsx';
import { useLocale } from '../../app/i18n/useLocale.ts';
import { useT } from '../../app/i18n/useT.ts';
import { useDeskSettings } from '../../app/settings/useDeskSettings.ts';
import { PageTitle } from '../../app/shell/PageTitle.tsx';
import { useDocumentTitle } from '../../app/shell/useDocumentTitle.ts';
import './calendar.css';
import {
  hoursShown,
  isReschedulable,
  moveToCell,
  placeInView,
  placementOf,
  shiftAnchor,
  type CalendarCell,
  type CalendarView,
  type Placed,
} from './calendarGrid.ts';
import type { DropTarget } from './calendarDrop.ts';
import { viewTitle } from './calendarLabels.ts';
import { accountLabel, CalendarItem } from './CalendarItem.tsx';
import { MonthView } from './MonthView.tsx';
import { RescheduleDialog } from './RescheduleDialog.tsx';
import { useNow } from './useNow.ts';
import { useReschedule } from './useReschedule.ts';
import { WeekView } from './WeekView.tsx';

/** Everything but the cancelled: what is planned, under way, waiting, or went out. */
const SHOWN_STATES = PUBLICATION_STATES.filter((s) => s !== 'cancelled');
/**
 * The contract lists publications newest first, up to 1000, with no time range: the calendar
 * reads that many and says so when it may not be all.
 */
const LIMIT = 1000;

type Problem = { kind: 'past' } | { kind: 'refused'; error: ClientError; item: string };

/**
 * #/calendar: publications on a week (hour rows) or month grid in the office's time zone, not
 * the computer's. Scheduled and missed ones move by drag and drop (keeping their minutes) or
 * through the Reschedule dialog; the host decides, refusals are shown. Updates live.
 */
export function CalendarPage() {
  const t = useT();
  const locale = useLocale();
  useDocumentTitle(t('calendar.title'));
  const { settings } = useDeskSettings();
  const zone = settings.timeZone;
  const now = useNow(60_000);
  const today = zonedDate(new Date(now), zone);
  const [view, setView] = useState<CalendarView>('week');
  const [anchorChoice, setAnchor] = useState<string | null>(null);
  const anchor = anchorChoice ?? today;
  const [allDay, setAllDay] = useState(false);
  const [dragging, setDragging] = useState<PublicationView | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | undefined>();
  const [dialogFor, setDialogFor] = useState<PublicationView | null>(null);

  const query = useApiQuery('publish.list', { states: SHOWN_STATES, limit: LIMIT });
  useApiEvent('publication.changed', () => query.reload());
  const rescheduler = useReschedule(zone, locale);

  const publications = query.data ? rescheduler.apply(query.data) : [];
  const cells = placeInView(publications, view, anchor, zone);
  const hours = hoursShown(
    [...cells.values()].flatMap((list) => list.map((p) => p.cell.hour)),
    allDay,
  );

  /** Where the dragged publication would land in `cell`; null when it cannot go there. */
  function landing(cell: CalendarCell): Date | null {
    const from = dragging ? placementOf(dragging) : null;
    if (!dragging || from === null || !isReschedulable(dragging.state)) return null;
    const at = moveToCell(from, cell, zone);
    return at.getTime() === Date.parse(from) ? null : at;
  }

  async function move(publication: PublicationView, at: Date) {
    setProblem(undefined);
    try {
      await rescheduler.reschedule(publication, at);
    } catch (caught) {
      setProblem({
        kind: 'refused',
        error: asClientError(caught, 'publish.reschedule'),
        item: `${publication.title || t('common.untitled')} · ${accountLabel(publication, locale)}`,
      });
    }
  }

  const target: DropTarget = {
    active: dragging !== null,
    over,
    accepts: (cell) => {
      const at = landing(cell);
      return at !== null && at.getTime() > Date.now();
    },
    hover: setOver,
    drop: (cell) => {
      const publication = dragging;
      const at = landing(cell);
      setDragging(null);
      setOver(null);
      if (!publication || !at) return;
      if (at.getTime() <= Date.now()) setProblem({ kind: 'past' });
      else void move(publication, at);
    },
  };

  const renderItem = (placed: Placed<PublicationView>) => (
    <CalendarItem
      placed={placed}
      timeZone={zone}
      locale={locale}
      moving={rescheduler.isMoving(placed.item.id)}
      onDragStart={(p) => {
        setProblem(undefined);
        setDragging(p);
      }}
      onDragEnd={() => {
        setDragging(null);
        setOver(null);
      }}
      onReschedule={setDialogFor}
    />
  );

  const isWeek = view === 'week';
  return (
    <>
      <PageTitle>{t('calendar.title')}</PageTitle>
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('calendar.intro', { zone })}
        </Typography.Paragraph>
        <Flex align="center" justify="space-between" gap={12} wrap>
          <Flex align="center" gap={8} wrap>
            <Button
              icon={<LeftOutlined aria-hidden />}
              onClick={() => setAnchor(shiftAnchor(view, anchor, -1))}
            >
              {isWeek ? t('calendar.prevWeek') : t('calendar.prevMonth')}
            </Button>
            <Button onClick={() => setAnchor(null)}>{t('calendar.today')}</Button>
            <Button
              icon={<RightOutlined aria-hidden />}
              iconPlacement="end"
              onClick={() => setAnchor(shiftAnchor(view, anchor, 1))}
            >
              {isWeek ? t('calendar.nextWeek') : t('calendar.nextMonth')}
            </Button>
            <h2
              className="pd-cal-range"
              aria-live="polite"
              style={{ margin: '0 0 0 8px', fontSize: 18 }}
            >
              {viewTitle(view, anchor, locale)}
            </h2>
          </Flex>
          <Flex align="center" gap={16} wrap>
            {isWeek ? (
              <Checkbox checked={allDay} onChange={(e) => setAllDay(e.target.checked)}>
                {t('calendar.allDay')}
              </Checkbox>
            ) : null}
            <Radio.Group
              aria-label={t('calendar.viewLabel')}
              optionType="button"
              buttonStyle="solid"
              value={view}
              onChange={(e) => setView(e.target.value as CalendarView)}
              options={[
                { value: 'week', label: t('calendar.view.week') },
                { value: 'month', label: t('calendar.view.month') },
              ]}
            />
          </Flex>
        </Flex>
        {problem?.kind === 'past' ? (
          <Alert
            type="warning"
            showIcon
            closable={{ onClose: () => setProblem(undefined) }}
            title={t('calendar.pastTime')}
          />
        ) : null}
        {problem?.kind === 'refused' ? (
          <ErrorAlert
            error={problem.error}
            title={t('calendar.rescheduleFailed', { item: problem.item })}
            action={
              <Button size="small" onClick={() => setProblem(undefined)}>
                {t('calendar.dismiss')}
              </Button>
            }
          />
        ) : null}
        {query.data && query.data.length >= LIMIT ? (
          <Alert type="info" showIcon title={t('calendar.truncated', { n: LIMIT })} />
        ) : null}
        {query.error ? (
          <ErrorAlert error={query.error} title={t('calendar.loadFailed')} onRetry={query.reload} />
        ) : query.data ? (
          <div data-ready="true">
            {cells.size === 0 ? (
              <Typography.Paragraph type="secondary">{t('calendar.empty')}</Typography.Paragraph>
            ) : null}
            {isWeek ? (
              <WeekView
                anchor={anchor}
                today={today}
                locale={locale}
                hours={hours}
                cells={cells}
                target={target}
                renderItem={renderItem}
              />
            ) : (
              <MonthView
                anchor={anchor}
                today={today}
                locale={locale}
                cells={cells}
                target={target}
                renderItem={renderItem}
              />
            )}
          </div>
        ) : (
          <Skeleton active />
        )}
      </Flex>
      {dialogFor ? (
        <RescheduleDialog
          publication={dialogFor}
          timeZone={zone}
          locale={locale}
          reschedule={rescheduler.reschedule}
          onClose={() => setDialogFor(null)}
        />
      ) : null}
    </>
  );
}
