import type { ReactNode } from 'react';
import type { Locale } from '../../../shared/domain/settings.ts';
import type { PublicationView } from '../../../shared/publish/publication.ts';
import { useT } from '../../app/i18n/useT.ts';
import { cellKey, weekDates, type Placed } from './calendarGrid.ts';
import { dropCellProps, type DropTarget } from './calendarDrop.ts';
import { dateLabel, hourLabel, viewTitle, weekdayLabel } from './calendarLabels.ts';

interface Props {
  anchor: string;
  /** Today's date in the office's zone. */
  today: string;
  locale: Locale;
  hours: readonly number[];
  /** Publications by cellKey({ date, hour }). */
  cells: ReadonlyMap<string, Placed<PublicationView>[]>;
  target: DropTarget;
  renderItem(placed: Placed<PublicationView>): ReactNode;
}

/** A week, Monday to Sunday, in hour rows: a table with the days as columns. */
export function WeekView({ anchor, today, locale, hours, cells, target, renderItem }: Props) {
  const t = useT();
  const dates = weekDates(anchor);
  return (
    <table className="pd-cal-table" data-view="week">
      <caption className="pd-cal-caption">
        {t('calendar.weekCaption', { range: viewTitle('week', anchor, locale) })}
      </caption>
      <colgroup>
        <col className="pd-cal-hourcol" />
        <col span={7} />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">{t('calendar.hourColumn')}</th>
          {dates.map((date) => (
            <th
              key={date}
              scope="col"
              data-date={date}
              className={date === today ? 'pd-cal-today' : undefined}
              aria-current={date === today ? 'date' : undefined}
            >
              <span className="pd-cal-colhead-date">{dateLabel(date, locale)}</span>
              <span className="pd-cal-colhead-day">
                {weekdayLabel(date, locale)}
                {date === today ? ` · ${t('calendar.todayMark')}` : null}
              </span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {hours.map((hour) => (
          <tr key={hour}>
            <th scope="row">{hourLabel(hour)}</th>
            {dates.map((date) => {
              const cell = { date, hour };
              const items = cells.get(cellKey(cell)) ?? [];
              const drop = dropCellProps(cell, target);
              return (
                <td
                  key={date}
                  data-date={date}
                  data-hour={hour}
                  className={['pd-cal-slot', date === today ? 'pd-cal-today' : '', drop.className]
                    .filter(Boolean)
                    .join(' ')}
                  onDragOver={drop.onDragOver}
                  onDrop={drop.onDrop}
                >
                  {items.length > 0 ? (
                    <ul className="pd-cal-items">
                      {items.map((placed) => (
                        <li key={placed.item.id}>{renderItem(placed)}</li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
