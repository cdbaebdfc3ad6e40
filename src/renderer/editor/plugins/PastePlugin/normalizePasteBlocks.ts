import type { Block, Cell, Inline, ListBlock, ListItem } from './pasteModel.ts';

/**
 * Collapses the source's layout whitespace the way a browser displays it, with the rule CSS
 * Text sets for Chinese: a line break of the HTML source between two CJK characters is not a
 * space (Word and web pages wrap long source lines; "政府\n信息" reads 政府信息, not 政府 信息).
 * Non-breaking spaces (Word's spacing and alignment filler) count as spaces, and a line's
 * leading ideographic spaces (the typed two-character indent) are dropped: indentation is the
 * layout's business. Then drops what is left empty: paragraphs, headings, quotes and list items
 * without text or image, and strips from headings h1–h4 the official number typed in front of
 * them (一、 （一） 1. （1）): the editor draws it, so keeping it would show it twice.
 */
export function normalizePasteBlocks(blocks: readonly Block[]): Block[] {
  return blocks.flatMap(normalizeBlock);
}

function normalizeBlock(block: Block): Block[] {
  switch (block.kind) {
    case 'p':
    case 'quote': {
      const children = normalizeInlines(block.children);
      return hasContent(children) ? [{ ...block, children }] : [];
    }
    case 'h': {
      let children = normalizeInlines(block.children);
      const level = block.level;
      if (level === 1 || level === 2 || level === 3 || level === 4) {
        children = stripHeadingNumber(children, level);
      }
      return hasContent(children) ? [{ ...block, children }] : [];
    }
    case 'list': {
      const list = normalizeList(block);
      return list ? [list] : [];
    }
    case 'table': {
      const rows = block.rows.map((row) => row.map(normalizeCell));
      return [{ kind: 'table', rows }];
    }
    case 'hr':
      return [block];
  }
}

function normalizeCell(cell: Cell): Cell {
  return {
    ...cell,
    blocks: cell.blocks.flatMap((block) => normalizeBlock(block) as Cell['blocks']),
  };
}

function normalizeList(list: ListBlock): ListBlock | null {
  const items = list.items.flatMap((item): ListItem[] => {
    const children = normalizeInlines(item.children);
    const lists = item.lists.map(normalizeList).filter((l): l is ListBlock => l !== null);
    return hasContent(children) || lists.length > 0 ? [{ children, lists }] : [];
  });
  return items.length > 0 ? { ...list, items } : null;
}

const COLLAPSIBLE = /[ \t\n\r\f\u00a0]/;
const SEGMENT_BREAK = /[\n\r]/;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

interface TextSlot {
  item: { kind: 'text'; text: string };
  out: string;
}

/** Whitespace collapsing over a block's inline content, across formatting boundaries. */
export function normalizeInlines(children: readonly Inline[]): Inline[] {
  const copy = children.map(cloneInline);
  const slots: TextSlot[] = [];
  let lineStart = true;
  let pending = false;
  let pendingBreak = false;
  let lastChar = '';
  let lastSlot: TextSlot | null = null;

  const resolvePending = (next: string) => {
    if (!pending) return;
    const dropForCjk = pendingBreak && CJK.test(lastChar) && CJK.test(next);
    if (!lineStart && !dropForCjk && lastSlot) lastSlot.out += ' ';
    pending = false;
    pendingBreak = false;
  };

  const visit = (item: Inline) => {
    switch (item.kind) {
      case 'text': {
        const slot: TextSlot = { item, out: '' };
        slots.push(slot);
        for (const char of item.text) {
          if (COLLAPSIBLE.test(char)) {
            pending = true;
            if (SEGMENT_BREAK.test(char)) pendingBreak = true;
            continue;
          }
          if (lineStart && char === '\u3000') continue;
          resolvePending(char);
          slot.out += char;
          lastChar = char;
          lastSlot = slot;
          lineStart = false;
        }
        return;
      }
      case 'br':
        pending = false;
        pendingBreak = false;
        lineStart = true;
        lastChar = '';
        return;
      case 'image':
        resolvePending('');
        lineStart = false;
        lastChar = '';
        return;
      case 'mark':
      case 'link':
        item.children.forEach(visit);
        return;
    }
  };
  copy.forEach(visit);
  for (const slot of slots) slot.item.text = slot.out;
  return trimBreaks(prune(copy));
}

function cloneInline(item: Inline): Inline {
  switch (item.kind) {
    case 'text':
      return { ...item };
    case 'mark':
    case 'link':
      return { ...item, children: item.children.map(cloneInline) };
    case 'br':
    case 'image':
      return item;
  }
}

/**
 * Drops empty text, and formatting or links left without content; joins neighbours with the
 * same formatting (WPS closes and reopens `<b>` around every run of a different font).
 */
function prune(items: readonly Inline[]): Inline[] {
  const pruned = items.flatMap((item): Inline[] => {
    switch (item.kind) {
      case 'text':
        return item.text === '' ? [] : [item];
      case 'mark':
      case 'link': {
        const children = prune(item.children);
        if (children.length === 0) return [];
        if (item.kind === 'link' && !hasText(children)) return children;
        return [{ ...item, children }];
      }
      case 'br':
      case 'image':
        return [item];
    }
  });
  const joined: Inline[] = [];
  for (const item of pruned) {
    const previous = joined.at(-1);
    if (previous?.kind === 'mark' && item.kind === 'mark' && previous.mark === item.mark) {
      joined[joined.length - 1] = {
        ...previous,
        children: prune([...previous.children, ...item.children]),
      };
    } else if (previous?.kind === 'text' && item.kind === 'text') {
      joined[joined.length - 1] = { kind: 'text', text: previous.text + item.text };
    } else {
      joined.push(item);
    }
  }
  return joined;
}

/** Line breaks at the start or the end of a block only add blank space. */
function trimBreaks(items: Inline[]): Inline[] {
  let start = 0;
  let end = items.length;
  while (start < end && items[start]?.kind === 'br') start++;
  while (end > start && items[end - 1]?.kind === 'br') end--;
  return items.slice(start, end);
}

function hasText(items: readonly Inline[]): boolean {
  return items.some(
    (item) =>
      (item.kind === 'text' && item.text.trim() !== '') ||
      ((item.kind === 'mark' || item.kind === 'link') && hasText(item.children)),
  );
}

function hasContent(items: readonly Inline[]): boolean {
  return items.some(
    (item) =>
      item.kind === 'image' ||
      (item.kind === 'text' && item.text.trim() !== '') ||
      ((item.kind === 'mark' || item.kind === 'link') && hasContent(item.children)),
  );
}

const CN = '[一二三四五六七八九十百零〇]+';
const HEADING_NUMBER: Readonly<Record<1 | 2 | 3 | 4, RegExp>> = {
  1: new RegExp(`^${CN}[、，,]\\s*`),
  2: new RegExp(`^[(（]${CN}[)）]\\s*`),
  3: /^\d+[.．、](?!\d)\s*/,
  4: /^[(（]\d+[)）]\s*/,
};

/** Removes the typed official number of a heading's level, unless nothing would be left. */
export function stripHeadingNumber(children: Inline[], level: 1 | 2 | 3 | 4): Inline[] {
  const first = firstText(children);
  if (!first) return children;
  const stripped = first.text.replace(HEADING_NUMBER[level], '');
  if (stripped === first.text) return children;
  const original = first.text;
  first.text = stripped;
  const result = prune(children);
  if (!hasContent(result)) {
    first.text = original;
    return children;
  }
  return result;
}

function firstText(items: readonly Inline[]): { kind: 'text'; text: string } | null {
  for (const item of items) {
    if (item.kind === 'text') return item;
    if (item.kind === 'mark' || item.kind === 'link') {
      const found = firstText(item.children);
      if (found) return found;
    }
    if (item.kind === 'image' || item.kind === 'br') return null;
  }
  return null;
}
