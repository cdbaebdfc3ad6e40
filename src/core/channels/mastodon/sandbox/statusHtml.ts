import { URL_IN_TEXT } from '../../../content/render/urlPattern.ts';

const escape = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/**
 * A plain-text status as Mastodon's formatter renders it into `content`: paragraphs (blank
 * lines) as <p>, line breaks as <br />, links with the scheme and any tail past 30 characters
 * in hidden spans, hashtags as links to the tag page.
 */
export function statusHtml(text: string, base: string): string {
  return text
    .trim()
    .split(/\n{2,}/)
    .map(
      (paragraph) =>
        `<p>${paragraph
          .split('\n')
          .map((line) => inline(line, base))
          .join('<br />')}</p>`,
    )
    .join('');
}

function inline(line: string, base: string): string {
  let out = '';
  let last = 0;
  for (const match of line.matchAll(URL_IN_TEXT)) {
    out += hashtags(line.slice(last, match.index), base) + link(match[0]);
    last = match.index + match[0].length;
  }
  return out + hashtags(line.slice(last), base);
}

function link(url: string): string {
  const scheme = /^https?:\/\//.exec(url)?.[0] ?? '';
  const rest = url.slice(scheme.length);
  const shown = rest.slice(0, 30);
  const hidden = rest.slice(30);
  return (
    `<a href="${escape(url)}" target="_blank" rel="nofollow noopener" translate="no">` +
    `<span class="invisible">${escape(scheme)}</span>` +
    `<span class="${hidden ? 'ellipsis' : ''}">${escape(shown)}</span>` +
    `<span class="invisible">${escape(hidden)}</span></a>`
  );
}

function hashtags(text: string, base: string): string {
  return escape(text).replace(
    /(^|[^\p{L}\p{N}_&])#([\p{L}\p{N}_]+)/gu,
    (_all, before: string, tag: string) =>
      `${before}<a href="${base}/tags/${encodeURIComponent(tag)}" class="mention hashtag" rel="tag">#<span>${tag}</span></a>`,
  );
}
