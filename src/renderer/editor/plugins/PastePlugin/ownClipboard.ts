import { RELEASE_EDITOR_NAMESPACE } from '../../editorNodes.ts';

export const LEXICAL_MIME_TYPE = 'application/x-lexical-editor';

/**
 * The serialized nodes of Lexical's clipboard format when it comes from a release editor (same
 * namespace): a copy from one release to another keeps its nodes exactly. Anything else (other
 * Lexical editors, a malformed payload) answers null and goes through the HTML cleanup.
 */
export function ownClipboardNodes(payload: string): unknown[] | null {
  if (payload === '') return null;
  try {
    const parsed: unknown = JSON.parse(payload);
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'namespace' in parsed &&
      parsed.namespace === RELEASE_EDITOR_NAMESPACE &&
      'nodes' in parsed &&
      Array.isArray(parsed.nodes)
    ) {
      return parsed.nodes as unknown[];
    }
  } catch {
    // not JSON: not ours
  }
  return null;
}
