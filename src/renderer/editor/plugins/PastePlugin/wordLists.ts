import type { Inline, ListBlock, ListItem } from './pasteModel.ts';

/** One Word list paragraph (`mso-list: l0 level2 lfo1`), read. */
export interface WordListParagraph {
  /** Word's list and list-override ids, e.g. `l0:lfo1`: paragraphs of one list share it. */
  list: string;
  /** 1 for the outermost level. */
  level: number;
  /** The bullet or number Word typed in front of the text ("·", "1.", "（一）", "a)"). */
  marker: string;
  children: Inline[];
}

const ORDERED_MARKER = new RegExp(
  [
    String.raw`^\d+(?:[.．]\d+)*[.．、)）]?$`, // 1  1.  1、  1)  1.2.
    String.raw`^[(（]\d+[)）]$`, // (1) （1）
    String.raw`^[a-zA-Z][.．)）]$`, // a. b) A.
    String.raw`^[(（][a-zA-Z][)）]$`, // (a)
    String.raw`^[ivxlcdmIVXLCDM]+[.．)）]$`, // i. iv) IX.
    String.raw`^[一二三四五六七八九十百零〇]+[、.．]$`, // 一、 十二.
    String.raw`^[(（][一二三四五六七八九十百零〇]+[)）]$`, // （一）
    String.raw`^[①-⑳⑴-⒇⒈-⒛]$`, // ① ⑴ ⒈
  ].join('|'),
  'u',
);

/**
 * Whether a typed marker numbers the item. Anything else is a bullet, including the odd
 * characters Symbol and Wingdings bullets become as text (·, §, Ø, ü, l, n, q, v).
 */
export function isOrderedMarker(marker: string): boolean {
  return ORDERED_MARKER.test(normalizeMarker(marker));
}

/** The number an ordered marker starts at when it is an Arabic number other than 1. */
export function markerStart(marker: string): number | null {
  const digits = /^[(（]?(\d+)/.exec(normalizeMarker(marker))?.[1];
  if (digits === undefined) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) && n > 1 ? n : null;
}

function normalizeMarker(marker: string): string {
  return marker.replace(/[\s\u00a0\u3000]+/g, '');
}

/**
 * Turns a run of consecutive Word list paragraphs into nested lists. A deeper level nests in
 * the item before it; a change of list (another `lN:lfoN`) or of kind (bullets and numbers) at
 * the same level starts a new list.
 */
export function buildWordLists(paragraphs: readonly WordListParagraph[]): ListBlock[] {
  const roots: ListBlock[] = [];
  const stack: { level: number; list: string; block: ListBlock }[] = [];
  for (const paragraph of paragraphs) {
    const ordered = isOrderedMarker(paragraph.marker);
    while (stack.length > 0 && (stack.at(-1)?.level ?? 0) > paragraph.level) stack.pop();
    const top = stack.at(-1);
    if (
      top &&
      top.level === paragraph.level &&
      (top.block.ordered !== ordered || (top.list !== paragraph.list && stack.length === 1))
    ) {
      stack.pop();
    }
    let current = stack.at(-1);
    if (!current || current.level < paragraph.level) {
      const block: ListBlock = {
        kind: 'list',
        ordered,
        start: ordered ? markerStart(paragraph.marker) : null,
        items: [],
      };
      if (current) {
        let parent: ListItem | undefined = current.block.items.at(-1);
        if (!parent) {
          parent = { children: [], lists: [] };
          current.block.items.push(parent);
        }
        parent.lists.push(block);
      } else {
        roots.push(block);
      }
      current = { level: paragraph.level, list: paragraph.list, block };
      stack.push(current);
    }
    current.block.items.push({ children: paragraph.children, lists: [] });
  }
  return roots;
}
