// @vitest-environment node
// Server-side rendering of the week and month grids: each publication in the cell of its
// office day and hour, with what it shows and what may be done with it.
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../../../src/shared/domain/settings.ts';
import type { PublicationView } from '../../../../../src/shared/publish/publication.ts';
import type { DeskClient } from '../../../../../src/renderer/api/client.ts';
import { ClientContext } from '../../../../../src/renderer/api/clientContext.ts';
import { LocaleContext } from '../../../../../src/renderer/app/i18n/localeContext.ts';
import { CalendarItem } from '../../../../../src/renderer/features/calendar/CalendarItem.tsx';
import {
  placeInView,
  type CalendarView,
} from '../../../../../src/renderer/features/calendar/calendarGrid.ts';
import type { DropTarget } from '../../../../../src/renderer/features/calendar/calendarDrop.ts';
import { MonthView } from '../../../../../src/renderer/features/calendar/MonthView.tsx';
import { WeekView } from '../../../../../src/renderer/features/calendar/WeekView.tsx';

const ZONE = 'Asia/Shanghai';
const RELEASE = '3f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c';

function publication(
  id: string,
  fields: Partial<PublicationView> & Pick<PublicationView, 'state' | 'channel'>,
): PublicationView {
  return {
    id,
    releaseId: RELEASE,
    revision: 2,
    title: '区政府召开防汛工作会议',
    accountId: '00000000-0000-4000-8000-000000000001',
    accountName: '沙箱 · 微博',
    sandbox: true,
    scheduledAt: null,
    nextAttemptAt: null,
    attempts: 0,
    remoteId: null,
    remoteUrl: null,
    lastProblem: null,
    dependsOn: null,
    createdAt: '2026-03-20T01:00:00.000Z',
    createdBy: '张三',
    updatedAt: '2026-03-20T01:00:00.000Z',
    publishedAt: null,
    ...fields,
  };
}

const SCHEDULED = publication('11111111-1111-4111-8111-111111111111', {
  state: 'scheduled',
  channel: 'weibo',
  scheduledAt: '2026-03-25T01:30:00.000Z', // Wednesday 09:30 in Shanghai
});
const MISSED = publication('22222222-2222-4222-8222-222222222222', {
  state: 'missed',
  channel: 'mastodon',
  accountName: 'Mastodon 政务号',
  sandbox: false,
  scheduledAt: '2026-03-24T16:10:00.000Z', // Wednesday 00:10 in Shanghai
});
const PUBLISHED = publication('33333333-3333-4333-8333-333333333333', {
  state: 'published',
  channel: 'portal',
  accountName: '沙箱 · 政府门户网站',
  publishedAt: '2026-03-23T02:05:00.000Z', // Monday 10:05
});

const IDLE: DropTarget = {
  active: false,
  over: null,
  accepts: () => false,
  hover: () => undefined,
  drop: () => undefined,
};

function render(view: CalendarView, locale: Locale): string {
  const cells = placeInView([SCHEDULED, MISSED, PUBLISHED], view, '2026-03-25', ZONE);
  const renderItem = (placed: Parameters<typeof CalendarItem>[0]['placed']) => (
    <CalendarItem
      placed={placed}
      timeZone={ZONE}
      locale={locale}
      moving={false}
      onDragStart={() => undefined}
      onDragEnd={() => undefined}
      onReschedule={() => undefined}
    />
  );
  const grid: ReactNode =
    view === 'week' ? (
      <WeekView
        anchor="2026-03-25"
        today="2026-03-24"
        locale={locale}
        hours={[0, 9, 10]}
        cells={cells}
        target={IDLE}
        renderItem={renderItem}
      />
    ) : (
      <MonthView
        anchor="2026-03-25"
        today="2026-03-24"
        locale={locale}
        cells={cells}
        target={IDLE}
        renderItem={renderItem}
      />
    );
  return renderToStaticMarkup(
    <ClientContext value={{} as DeskClient}>
      <LocaleContext value={locale}>{grid}</LocaleContext>
    </ClientContext>,
  );
}

/** The markup of the table cell whose opening tag has these attributes. */
function cell(markup: string, attributes: string): string {
  const start = markup.indexOf(`<td ${attributes}`);
  expect(start, attributes).toBeGreaterThanOrEqual(0);
  return markup.slice(start, markup.indexOf('</td>', start));
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the week view', () => {
  const markup = render('week', 'zh-CN');

  it('puts each publication in its office day and hour, showing its time', () => {
    const nine = cell(markup, 'data-date="2026-03-25" data-hour="9"');
    expect(nine).toContain(`data-publication-id="${SCHEDULED.id}"`);
    expect(text(nine)).toContain('09:30');
    const midnight = cell(markup, 'data-date="2026-03-25" data-hour="0"');
    expect(midnight).toContain(`data-publication-id="${MISSED.id}"`);
    expect(text(midnight)).toContain('00:10');
    const ten = cell(markup, 'data-date="2026-03-23" data-hour="10"');
    expect(ten).toContain(`data-publication-id="${PUBLISHED.id}"`);
    expect(text(ten)).toContain('10:05');
  });

  it('shows channel · account with the sandbox tag, the release as a link, and the state', () => {
    const nine = text(cell(markup, 'data-date="2026-03-25" data-hour="9"'));
    expect(nine).toContain('沙箱 · 微博 沙箱');
    expect(nine).toContain('定时');
    expect(markup).toContain(`href="#/drafts/${RELEASE}"`);
    expect(text(markup)).toContain('区政府召开防汛工作会议');
  });

  it('lets scheduled and missed ones be moved, and makes the missed stand out with its decisions', () => {
    expect(markup.match(/aria-label="改期：/g)).toHaveLength(2);
    const missed = cell(markup, 'data-date="2026-03-25" data-hour="0"');
    expect(missed).toContain('pd-cal-attention');
    expect(text(missed)).toContain('已错过时间');
    expect(text(missed)).toContain('立即发送');
    expect(text(missed)).toContain('Mastodon 政务号');
    expect(text(missed)).not.toContain('沙箱');
    const sent = cell(markup, 'data-date="2026-03-23" data-hour="10"');
    expect(sent).not.toContain('改期');
    expect(sent).toContain('draggable="false"');
  });

  it('names the days and hours as table headers, and marks today', () => {
    expect(markup).toContain(
      '<caption class="pd-cal-caption">2026年3月23日至29日的发布，按日期和钟点排列</caption>',
    );
    expect(markup).toMatch(
      /<th scope="col" data-date="2026-03-24" class="pd-cal-today" aria-current="date">.*?<\/th>/,
    );
    const todayHead = /<th scope="col" data-date="2026-03-24"[^>]*>(.*?)<\/th>/.exec(markup);
    expect(text(todayHead?.[1] ?? '').trim()).toBe('3月24日 周二 · 今天');
    expect(markup).toContain('<th scope="row">09:00</th>');
  });
});

describe('the month view', () => {
  it('puts each publication on its office day, in time order', () => {
    const markup = render('month', 'zh-CN');
    const wednesday = cell(markup, 'data-date="2026-03-25"');
    expect(wednesday.indexOf(MISSED.id)).toBeLessThan(wednesday.indexOf(SCHEDULED.id));
    expect(cell(markup, 'data-date="2026-03-23"')).toContain(PUBLISHED.id);
    expect(cell(markup, 'data-date="2026-02-23"')).toContain('pd-cal-outside');
    expect(cell(markup, 'data-date="2026-03-01"')).not.toContain('pd-cal-outside');
    expect(markup).toContain(
      '<caption class="pd-cal-caption">2026年3月的发布，按日期排列</caption>',
    );
  });

  it('speaks English in English', () => {
    const markup = render('month', 'en');
    expect(text(markup)).toContain('Reschedule');
    expect(text(markup)).toContain('Missed its time');
    expect(text(markup)).toContain('沙箱 · 政府门户网站');
    expect(markup).toContain(
      '<caption class="pd-cal-caption">Publications in March 2026, by day</caption>',
    );
  });
});
