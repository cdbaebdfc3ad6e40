/**
 * Where a WordPress site's REST API lives. The home page announces it in a
 * `Link: <...>; rel="https://api.w.org/"` header: `<site>/wp-json/` with pretty permalinks,
 * `<site>/index.php?rest_route=/` with plain ones (Debian's default install), or elsewhere
 * when the site sits under a path or behind a proxy.
 */
export interface RestRoot {
  /** The root as announced (or the fallback `<site>/wp-json/`). */
  readonly href: string;
  /** The address of a route under the root, e.g. `wp/v2/posts`, with query parameters. */
  url(route: string, query?: Readonly<Record<string, string>>): URL;
}

export const API_LINK_REL = 'https://api.w.org/';

/** A RestRoot for an announced root, in either form (path, or `?rest_route=`). */
export function restRoot(href: string | URL): RestRoot {
  const base = new URL(href);
  const queryForm = base.searchParams.has('rest_route');
  if (!queryForm && !base.pathname.endsWith('/')) base.pathname = `${base.pathname}/`;
  return {
    href: base.toString(),
    url: (route, query = {}) => {
      const path = route.replace(/^\/+/, '');
      let url: URL;
      if (queryForm) {
        url = new URL(base);
        url.searchParams.set('rest_route', `/${path}`);
      } else {
        url = new URL(path, base);
        url.search = base.search;
      }
      for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
      return url;
    },
  };
}

/** `<siteUrl>/wp-json/`: where the API is when the home page does not say. */
export function fallbackRestRoot(siteUrl: string): RestRoot {
  const site = new URL(siteUrl);
  if (!site.pathname.endsWith('/')) site.pathname = `${site.pathname}/`;
  site.search = '';
  site.hash = '';
  return restRoot(new URL('wp-json/', site));
}

/**
 * The API root announced in a Link header (several links, or several headers joined with
 * ", "), resolved against the page's address; null when none has rel="https://api.w.org/".
 */
export function apiRootFromLink(link: string | undefined, pageUrl: string): string | null {
  if (link === undefined) return null;
  for (const match of link.matchAll(/<([^>]*)>([^<]*)/g)) {
    const target = match[1] ?? '';
    const params = match[2] ?? '';
    const rel = /(?:^|;)\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(params);
    const values = (rel?.[1] ?? rel?.[2] ?? '').split(/\s+/);
    if (!values.includes(API_LINK_REL)) continue;
    try {
      return new URL(target.trim(), pageUrl).toString();
    } catch {
      continue;
    }
  }
  return null;
}
