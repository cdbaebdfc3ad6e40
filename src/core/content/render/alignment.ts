import { assertNever } from '../../../shared/assertNever.ts';
import type { ParagraphNode } from '../../../shared/document/nodes.ts';

/**
 * The CSS text-align of a block's Lexical `format`, or '' for the default. Kept in channel
 * HTML because official releases right-align the signature block (落款) and date, and centre
 * some lines; the value comes from the schema's enum, never from user CSS.
 */
export function textAlign(format: ParagraphNode['format']): string {
  switch (format) {
    case 'center':
    case 'right':
    case 'justify':
    case 'left':
      return format;
    case 'end':
      return 'right';
    case 'start':
    case '':
      return '';
    default:
      return assertNever(format, 'element format');
  }
}
