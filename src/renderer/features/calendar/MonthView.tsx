import type { ReactNode } from 'react';
import type { Locale } from '../../../shared/domain/settings.ts';
import type { PublicationView } from '../../../shared/publish/publication.ts';
import { useT } from '../../app/i18n/useT.ts';
import { cellKey, monthOf, monthWeeks, type Placed } from './calendarGrid.ts';
import { dropCellProps, type DropTarget } from './calendarDrop.ts';
import { dayLabel, dayNumberLabel, viewTitle, weekdayNames } from './calendarLabels.ts';

interface Props {
  anchor: string;
  /** Today's date in the office's zone. */
  today: string;
  locale: Locale;
  /** Publications by cellKey({ date }). */
  cells: ReadonlyMap<string, Placed<PublicationView>[]>;
  target: DropTarget;
  renderItem(placed: Placed<PublicationView>): ReactNode;
}

/** A month in week rows (Monday first); days of the neighbouring months fill the rows. */
export function MonthView({ anchor, today, locale, cells, target, renderItem }: Props) {
  const t = useT();
  const month = monthOf(anchor);
  return (
    <table className="pd-cal-table" data-view="month">
      <caption className="pd-cal-caption">
        {t('calendar.monthCaption', { month: viewTitle('month', anchor, locale) })}
      </caption>
      <thead>
        <tr>
          {weekdayNames(locale).map((name) => (
            <th key={name} scope="col">
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthWeeks(anchor).map((week) => (
          <tr key={week[0]}>
            {week.map((date) => {
              const cell = { date };
              const items = cells.get(cellKey(cell)) ?? [];
              const drop = dropCellProps(cell, target);
              const classes = ['pd-cal-day', drop.className];
              if (date === today) classes.push('pd-cal-today');
              if (monthOf(date) !== month) classes.push('pd-cal-outside');
              return (
                <td
                  key={date}
                  data-date={date}
                  className={classes.filter(Boolean).join(' ')}
                  aria-current={date === today ? 'date' : undefined}
                  onDragOver={drop.onDragOver}
                  onDrop={drop.onDrop}
                >
                  <div className="pd-cal-daynum">
                    <span aria-hidden="true">{dayNumberLabel(date, locale)}</span>
                    <span className="pd-cal-sr">{dayLabel(date, locale)}</span>
                    {date === today ? <span>{t('calendar.todayMark')}</span> : null}
                  </div>
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
