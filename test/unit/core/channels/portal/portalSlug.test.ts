import { describe, expect, it } from 'vitest';
import {
  portalSlug,
  trashedSlug,
  wpDateGmt,
} from '../../../../../src/core/channels/portal/portalSlug.ts';
import { decodeEntities, tagNames } from '../../../../../src/core/channels/portal/portalTags.ts';
import { sanitizeTitle } from '../../../../../src/core/channels/portal/sandbox/wpFormats.ts';

describe('portalSlug', () => {
  it('is pd-<key>, the same for one key and different for another', () => {
    expect(portalSlug('rel-1-portal')).toBe('pd-rel-1-portal');
    expect(portalSlug('rel-1-portal')).toBe(portalSlug('rel-1-portal'));
    expect(portalSlug('rel-2-portal')).not.toBe(portalSlug('rel-1-portal'));
  });

  it('is lower case, [a-z0-9-] only, at most 190 characters', () => {
    expect(portalSlug('ABC_def')).toBe('pd-abc-def');
    expect(portalSlug('x'.repeat(300))).toHaveLength(190);
  });

  it('is left unchanged by WordPress’s sanitize_title', () => {
    for (const key of ['rel-1-portal', '0123456789abcdef-0123-portal', 'a']) {
      expect(sanitizeTitle(portalSlug(key))).toBe(portalSlug(key));
    }
  });

  it('names the trashed slug and the date WordPress expects', () => {
    expect(trashedSlug('pd-a')).toBe('pd-a__trashed');
    expect(wpDateGmt(new Date('2026-03-02T01:30:05.123Z'))).toBe('2026-03-02T01:30:05');
  });
});

describe('tag names', () => {
  it('are trimmed, spaces collapsed, empty ones dropped, each once in any case', () => {
    expect(
      tagNames([' 政务  公开 ', '政务 公开', '', '  ', 'Policy', 'policy', 'PressDesk']),
    ).toEqual(['政务 公开', 'Policy', 'PressDesk']);
  });

  it('are compared after undoing WordPress’s HTML escaping', () => {
    expect(decodeEntities('Policy &amp; Law &#8211; &#x4e2d; &lt;b&gt; &quot;q&quot;')).toBe(
      'Policy & Law – 中 <b> "q"',
    );
    expect(decodeEntities('&#99999999;')).toBe('&#99999999;');
  });
});
