import type { PortalContext } from './portalContext.ts';
import { WpTagListSchema, WpTagSchema } from './wordpressApi.ts';
import { wpCall, wpFailure, type CallFailure } from './wordpressCall.ts';

/** WordPress keeps term names up to 200 characters. */
const MAX_TAG_LENGTH = 200;

export type TagResult = { ok: true; ids: number[] } | { ok: false; failure: CallFailure };

/** Tag names as WordPress will store them: trimmed, spaces collapsed, once each (any case). */
export function tagNames(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const tag of tags) {
    const name = Array.from(tag.replace(/\s+/g, ' ').trim()).slice(0, MAX_TAG_LENGTH).join('');
    const folded = name.toLowerCase();
    if (name === '' || seen.has(folded)) continue;
    seen.add(folded);
    names.push(name);
  }
  return names;
}

/** WordPress answers term names HTML-escaped (`A &amp; B`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower === 'amp') return '&';
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'quot') return '"';
    if (lower === 'apos') return "'";
    const code = lower.startsWith('#x')
      ? parseInt(lower.slice(2), 16)
      : parseInt(lower.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * The ids of the post's tags: each looked up by name (GET tags?search=, exact name, any case),
 * created when missing. Safe to repeat: a create whose reply was lost is found by the next
 * search, or answered term_exists with the existing id.
 */
export async function tagIds(ctx: PortalContext, tags: readonly string[]): Promise<TagResult> {
  const ids: number[] = [];
  for (const name of tagNames(tags)) {
    const found = await wpCall(
      ctx,
      { method: 'GET', route: 'wp/v2/tags', query: { search: name, per_page: '100' } },
      WpTagListSchema,
    );
    if (found.kind !== 'ok') return { ok: false, failure: wpFailure(found, true, ctx.clock.now()) };
    const folded = name.toLowerCase();
    const match = found.value.find(
      (tag) => decodeEntities(tag.name).trim().toLowerCase() === folded,
    );
    if (match) {
      ids.push(match.id);
      continue;
    }
    const created = await wpCall(
      ctx,
      { method: 'POST', route: 'wp/v2/tags', body: { type: 'json', value: { name } } },
      WpTagSchema,
    );
    if (created.kind === 'ok') {
      ids.push(created.value.id);
    } else if (
      created.kind === 'wp-error' &&
      created.errorKind === 'term-exists' &&
      created.error.data?.term_id !== undefined
    ) {
      ids.push(created.error.data.term_id);
    } else {
      return { ok: false, failure: wpFailure(created, true, ctx.clock.now()) };
    }
  }
  return { ok: true, ids: [...new Set(ids)] };
}
