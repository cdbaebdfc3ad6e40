/** Lexical's text format bits, as stored in a text node's `format`. */
export const TEXT_FORMAT = {
  bold: 1,
  italic: 1 << 1,
  strikethrough: 1 << 2,
  underline: 1 << 3,
  code: 1 << 4,
  subscript: 1 << 5,
  superscript: 1 << 6,
  highlight: 1 << 7,
} as const;
export type TextFormatName = keyof typeof TEXT_FORMAT;

export const hasFormat = (format: number, name: TextFormatName): boolean =>
  (format & TEXT_FORMAT[name]) !== 0;
