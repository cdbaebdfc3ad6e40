import { DraftIdSchema } from '../../../shared/domain/draft.ts';

/** The sections of the finished app, in the order the navigation lists them. */
export const SECTIONS = [
  'drafts',
  'calendar',
  'queue',
  'history',
  'channels',
  'review',
  'settings',
] as const;
export type Section = (typeof SECTIONS)[number];

/** Every page the hash can name. */
export type Route =
  { name: Section } | { name: 'draft'; id: string } | { name: 'not_found'; path: string };

function isSection(value: string): value is Section {
  return (SECTIONS as readonly string[]).includes(value);
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * Reads `location.hash`: '' and '#/' are the drafts list (the start page), '#/drafts/<id>'
 * one draft (the id must be a draft id), '#/<section>' a section; anything else is not_found
 * with the path the user asked for. A trailing slash is ignored.
 */
export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const segments = path.split('/').filter((s) => s !== '');
  const [head, ...rest] = segments;
  if (head === undefined) return { name: 'drafts' };
  if (head === 'drafts' && rest.length === 1 && rest[0] !== undefined) {
    const id = decodeSegment(rest[0]);
    if (id !== undefined && DraftIdSchema.safeParse(id).success) return { name: 'draft', id };
  } else if (rest.length === 0 && isSection(head)) {
    return { name: head };
  }
  return { name: 'not_found', path: path.startsWith('/') ? path : `/${path}` };
}

/** The href of a route; parseHash(hrefOf(r)) gives r back. */
export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'draft':
      return `#/drafts/${encodeURIComponent(route.id)}`;
    case 'not_found':
      return `#${route.path}`;
    default:
      return `#/${route.name}`;
  }
}

/** The navigation section a route belongs to (a draft belongs to Drafts). */
export function sectionOf(route: Route): Section | undefined {
  switch (route.name) {
    case 'draft':
      return 'drafts';
    case 'not_found':
      return undefined;
    default:
      return route.name;
  }
}
