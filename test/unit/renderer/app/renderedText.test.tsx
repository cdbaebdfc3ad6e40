// @vitest-environment node
// Server-side rendering (no DOM needed) checks that pages and alerts put the right words on
// screen in each language.
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../../src/shared/domain/settings.ts';
import { ClientError } from '../../../../src/renderer/api/clientError.ts';
import { ErrorAlert } from '../../../../src/renderer/app/errors/ErrorAlert.tsx';
import { UnauthorizedPage } from '../../../../src/renderer/app/errors/UnauthorizedPage.tsx';
import { LocaleContext } from '../../../../src/renderer/app/i18n/localeContext.ts';
import { RoutedPage } from '../../../../src/renderer/app/shell/RoutedPage.tsx';

function textOf(markup: string): string {
  return markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

function render(locale: Locale, node: ReactNode): string {
  return textOf(renderToStaticMarkup(<LocaleContext value={locale}>{node}</LocaleContext>));
}

describe('ErrorAlert', () => {
  const conflict = new ClientError(
    'conflict',
    'The draft was saved elsewhere in the meantime (version 4, this edit started from 3).',
    { method: 'drafts.save' },
  );

  it('shows the sentence for the code in the interface language, and the host message as detail', () => {
    const zh = render('zh-CN', <ErrorAlert error={conflict} title="标题未保存" />);
    expect(zh).toContain('标题未保存');
    expect(zh).toContain('稿件已在别处保存了更新的版本。请重新加载');
    expect(zh).toContain('详情：The draft was saved elsewhere in the meantime (version 4');
    const en = render('en', <ErrorAlert error={conflict} title="The title was not saved" />);
    expect(en).toContain('The draft was saved elsewhere in the meantime. Reload it');
  });

  it('lists the fields the host refused', () => {
    const invalid = new ClientError('invalid_input', 'Invalid input', {
      method: 'settings.set',
      issues: [{ path: 'timeZone', message: 'Not a known IANA time zone (e.g. Asia/Shanghai).' }],
    });
    const text = render('zh-CN', <ErrorAlert error={invalid} title="设置未保存" />);
    expect(text).toContain('timeZone : Not a known IANA time zone');
  });
});

describe('pages that are not built yet', () => {
  it('say so, and what they will do, without inventing content', () => {
    const history = render('zh-CN', <RoutedPage route={{ name: 'history' }} />);
    expect(history).toContain('发布历史');
    expect(history).toContain('此处将列出每一次发布的渠道、时间、结果和链接');
    expect(history).not.toMatch(/<table/);
    const review = render('en', <RoutedPage route={{ name: 'review' }} />);
    expect(review).toContain('Review: not available yet.');
  });

  it('an unknown address names the path and links back to the drafts', () => {
    const markup = renderToStaticMarkup(
      <LocaleContext value="zh-CN">
        <RoutedPage route={{ name: 'not_found', path: '/nowhere' }} />
      </LocaleContext>,
    );
    expect(markup).toContain('地址“/nowhere”没有对应的页面。');
    expect(markup).toContain('href="#/drafts"');
  });
});

describe('UnauthorizedPage', () => {
  it('speaks both languages, each marked with its lang', () => {
    const markup = renderToStaticMarkup(<UnauthorizedPage />);
    expect(markup).toMatch(/<span lang="zh-CN">需要访问令牌<\/span>/);
    expect(markup).toMatch(/<span lang="en">Access token needed<\/span>/);
    expect(markup).toContain('?token=');
    expect(markup).toMatch(/^<main/);
  });
});
