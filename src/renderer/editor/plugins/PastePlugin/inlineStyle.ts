import type { Mark } from './pasteModel.ts';

/** What a pasted element's inline style means for the document; the style itself is dropped. */
export interface StyleMeaning {
  /** display:none, visibility:hidden, mso-hide:all: content the author never saw. */
  hidden: boolean;
  /** Formatting given by CSS instead of tags (Google Docs, WPS, many web editors). */
  marks: Mark[];
  /** font-weight normal/400 on a `<b>`: Google Docs wraps whole pastes in such a `<b>`. */
  notBold: boolean;
  /** Word's `mso-list: l0 level2 lfo1`: a list paragraph, its list and its nesting level. */
  msoList: { list: string; level: number } | null;
  /** Word's `mso-element: comment-list | footnote-list | header ...`: not body text. */
  msoElement: string | null;
}

/** Parses a style attribute into its declarations (lower-case names, raw values). */
export function parseStyle(style: string): Map<string, string> {
  const declarations = new Map<string, string>();
  for (const part of style.split(';')) {
    const colon = part.indexOf(':');
    if (colon <= 0) continue;
    const name = part.slice(0, colon).trim().toLowerCase();
    const value = part.slice(colon + 1).trim();
    if (name) declarations.set(name, value);
  }
  return declarations;
}

const MSO_LIST = /^(l\d+)\s+level(\d+)\s+(lfo\d+)/i;

export function styleMeaning(style: string | null): StyleMeaning {
  const meaning: StyleMeaning = {
    hidden: false,
    marks: [],
    notBold: false,
    msoList: null,
    msoElement: null,
  };
  if (!style) return meaning;
  const css = parseStyle(style);
  const value = (name: string) => (css.get(name) ?? '').toLowerCase();

  if (
    value('display') === 'none' ||
    value('visibility') === 'hidden' ||
    value('mso-hide') === 'all'
  ) {
    meaning.hidden = true;
  }

  const weight = value('font-weight');
  if (/^(bold|bolder|[6-9]00)$/.test(weight)) meaning.marks.push('b');
  else if (/^(normal|lighter|[1-5]00)$/.test(weight)) meaning.notBold = true;
  if (/^(italic|oblique)/.test(value('font-style'))) meaning.marks.push('i');
  const decoration = `${value('text-decoration')} ${value('text-decoration-line')}`;
  if (decoration.includes('underline')) meaning.marks.push('u');
  if (decoration.includes('line-through')) meaning.marks.push('s');
  const vertical = value('vertical-align');
  if (vertical === 'super') meaning.marks.push('sup');
  else if (vertical === 'sub') meaning.marks.push('sub');

  const list = MSO_LIST.exec(css.get('mso-list') ?? '');
  if (list?.[1] && list[2] && list[3]) {
    meaning.msoList = { list: `${list[1]}:${list[3]}`.toLowerCase(), level: Number(list[2]) };
  }
  const element = value('mso-element');
  if (element) meaning.msoElement = element;
  return meaning;
}
