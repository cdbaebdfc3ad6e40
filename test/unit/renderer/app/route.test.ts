// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { NAV_ITEMS } from '../../../../src/renderer/app/routes/navItems.ts';
import {
  hrefOf,
  parseHash,
  sectionOf,
  type Route,
} from '../../../../src/renderer/app/routes/route.ts';

const ID = '0b6f8f86-3f5e-4b8e-9a55-3c1c2f1d7e10';

describe('parseHash', () => {
  it('starts on the drafts list', () => {
    expect(parseHash('')).toEqual({ name: 'drafts' });
    expect(parseHash('#')).toEqual({ name: 'drafts' });
    expect(parseHash('#/')).toEqual({ name: 'drafts' });
  });

  it('reads sections and drafts, ignoring a trailing slash', () => {
    expect(parseHash('#/settings')).toEqual({ name: 'settings' });
    expect(parseHash('#/queue/')).toEqual({ name: 'queue' });
    expect(parseHash(`#/drafts/${ID}`)).toEqual({ name: 'draft', id: ID });
  });

  it('answers not_found, with the path, for anything else', () => {
    expect(parseHash('#/drafts/not-an-id')).toEqual({
      name: 'not_found',
      path: '/drafts/not-an-id',
    });
    expect(parseHash('#/settings/extra')).toEqual({ name: 'not_found', path: '/settings/extra' });
    expect(parseHash('#/unknown')).toEqual({ name: 'not_found', path: '/unknown' });
    expect(parseHash('#/drafts/%E0%A4%A')).toEqual({ name: 'not_found', path: '/drafts/%E0%A4%A' });
  });

  it('round-trips through hrefOf', () => {
    const routes: Route[] = [
      { name: 'drafts' },
      { name: 'draft', id: ID },
      { name: 'calendar' },
      { name: 'review' },
      { name: 'not_found', path: '/nowhere' },
    ];
    for (const route of routes) expect(parseHash(hrefOf(route))).toEqual(route);
  });
});

describe('navigation', () => {
  it('lists the sections of the finished app in order', () => {
    expect(NAV_ITEMS.map((i) => i.section)).toEqual([
      'drafts',
      'calendar',
      'queue',
      'history',
      'channels',
      'review',
      'settings',
    ]);
  });

  it('highlights Drafts for a single draft and nothing for an unknown page', () => {
    expect(sectionOf({ name: 'draft', id: ID })).toBe('drafts');
    expect(sectionOf({ name: 'history' })).toBe('history');
    expect(sectionOf({ name: 'not_found', path: '/x' })).toBeUndefined();
  });
});
