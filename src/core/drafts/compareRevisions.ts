import type { DocumentMeta } from '../../shared/domain/documentMeta.ts';
import type { RevisionComparison, RevisionRef } from '../../shared/domain/draft.ts';
import type { EditorState } from '../../shared/domain/editorState.ts';
import { plainTextBlocks } from '../../shared/document/plainText.ts';
import { diffLines, diffText } from '../../shared/text/diff.ts';

export interface Comparable {
  title: string;
  meta: DocumentMeta;
  body: EditorState;
}

/** Flattens the fields around the body into name → text, for a readable comparison. */
function fieldTexts(meta: DocumentMeta): Map<string, string> {
  const out = new Map<string, string>();
  const put = (prefix: string, value: unknown) => {
    if (value === null || value === undefined) out.set(prefix, '');
    else if (Array.isArray(value)) out.set(prefix, value.join('、'));
    else if (typeof value === 'object')
      for (const [k, v] of Object.entries(value)) put(prefix ? `${prefix}.${k}` : k, v);
    else out.set(prefix, String(value));
  };
  put('', meta);
  out.delete('kind');
  return out;
}

/** What changed from one version of a draft to another: title, fields, body line by line. */
export function compareRevisions(
  from: RevisionRef,
  to: RevisionRef,
  a: Comparable,
  b: Comparable,
): RevisionComparison {
  const before = fieldTexts(a.meta);
  const after = fieldTexts(b.meta);
  const fields = [...new Set([...before.keys(), ...after.keys()])]
    .filter((field) => (before.get(field) ?? '') !== (after.get(field) ?? ''))
    .map((field) => ({ field, before: before.get(field) ?? '', after: after.get(field) ?? '' }));
  return {
    from,
    to,
    title: diffText(a.title, b.title),
    fields,
    body: diffLines(plainTextBlocks(a.body), plainTextBlocks(b.body)),
  };
}
