import { URL_IN_TEXT } from '../../content/render/urlPattern.ts';

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/**
 * The plain text of a status's HTML `content` as Mastodon renders a plain-text status:
 * paragraphs (<p>) become blank lines, <br> line breaks, other tags vanish (a link's hidden
 * "https://" and tail spans included, so the whole URL comes back), entities are decoded.
 */
export function statusHtmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === '#') {
        const code =
          name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff
          ? String.fromCodePoint(code)
          : entity;
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    });
}

/**
 * A status text reduced for comparison: URLs removed (an instance may rewrite or shorten how
 * they show) and white space collapsed. Texts differing only in their links compare equal,
 * which is precise enough for releases, whose texts differ in their titles.
 */
export function mastodonComparableText(text: string): string {
  return text.replace(URL_IN_TEXT, ' ').replace(/\s+/g, ' ').trim();
}
