import { TEXT_FORMAT, type TextFormatName } from '../../../shared/document/textFormat.ts';

/** How a channel writes one text format bit: the opening and closing tags. */
export type TextMarks = Readonly<Record<TextFormatName, readonly [open: string, close: string]>>;

const ORDER = Object.keys(TEXT_FORMAT) as TextFormatName[];

/**
 * Wraps already-escaped HTML in the tags of every format bit set, outermost first in the order
 * of TEXT_FORMAT (bold, italic, strikethrough, underline, code, subscript, superscript,
 * highlight), so the same format always nests the same way.
 */
export function applyMarks(html: string, format: number, marks: TextMarks): string {
  if (format === 0) return html;
  let open = '';
  let close = '';
  for (const name of ORDER) {
    if ((format & TEXT_FORMAT[name]) === 0) continue;
    const [o, c] = marks[name];
    open += o;
    close = c + close;
  }
  return open + html + close;
}
