import { cleanText } from './cleanText.ts';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes user text for HTML, safe both as element content and inside a double-quoted
 * attribute value (all five of & < > " ' are escaped), after cleanText. Every string that
 * reaches channel HTML goes through here; only the renderers' own tags are written raw.
 */
export function escapeHtml(text: string): string {
  if (!needsWork(text)) return text; // most text: nothing to escape or clean
  return cleanText(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * Whether escapeHtml or cleanText would change anything: & < > " ', a control character other
 * than tab and line feed, or a surrogate (possibly lone). A loop, because a regular expression
 * over control characters needs the slower unicode mode (or literal controls).
 */
function needsWork(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 0x09 && c !== 0x0a) return true;
    } else if (c < 0x7f) {
      if (c === 0x26 || c === 0x3c || c === 0x3e || c === 0x22 || c === 0x27) return true;
    } else if (c <= 0x9f || (c >= 0xd800 && c <= 0xdfff)) return true;
  }
  return false;
}
