import { describe, expect, it } from 'vitest';
import {
  apiRootFromLink,
  fallbackRestRoot,
  restRoot,
} from '../../../../../src/core/channels/portal/restRoot.ts';

describe('apiRootFromLink', () => {
  it('reads the API root among several links, joined headers and rel lists', () => {
    const link =
      '<https://gov.example.cn/wp-json/wp/v2/pages/2>; rel="alternate"; type="application/json", ' +
      '<https://gov.example.cn/wp-json/>; rel="https://api.w.org/", <https://gov.example.cn/?p=2>; rel=shortlink';
    expect(apiRootFromLink(link, 'https://gov.example.cn/')).toBe(
      'https://gov.example.cn/wp-json/',
    );
    expect(
      apiRootFromLink('<https://a.cn/api/>; rel="next https://api.w.org/"', 'https://a.cn/'),
    ).toBe('https://a.cn/api/');
  });

  it('keeps the ?rest_route= form of plain permalinks', () => {
    expect(
      apiRootFromLink(
        '<http://127.0.0.1:8089/index.php?rest_route=/>; rel="https://api.w.org/"',
        'http://127.0.0.1:8089/',
      ),
    ).toBe('http://127.0.0.1:8089/index.php?rest_route=/');
  });

  it('resolves a relative root against the page', () => {
    expect(apiRootFromLink('</cms/wp-json/>; rel="https://api.w.org/"', 'https://x.cn/cms/')).toBe(
      'https://x.cn/cms/wp-json/',
    );
  });

  it('answers null without the API link', () => {
    expect(apiRootFromLink(undefined, 'https://x.cn/')).toBeNull();
    expect(apiRootFromLink('<https://x.cn/feed/>; rel="alternate"', 'https://x.cn/')).toBeNull();
    expect(
      apiRootFromLink('<https://x.cn/wp-json/>; rel="https://api.w.org"', 'https://x.cn/'),
    ).toBeNull();
  });
});

describe('restRoot', () => {
  it('puts routes under a path root, with query parameters', () => {
    const root = restRoot('https://gov.example.cn/wp-json/');
    expect(root.url('wp/v2/posts', { slug: 'pd-a', status: 'publish,future' }).toString()).toBe(
      'https://gov.example.cn/wp-json/wp/v2/posts?slug=pd-a&status=publish%2Cfuture',
    );
    expect(restRoot('https://x.cn/api').url('/wp/v2/media/7').toString()).toBe(
      'https://x.cn/api/wp/v2/media/7',
    );
  });

  it('puts routes into rest_route for the query form, keeping other parameters', () => {
    const root = restRoot('http://127.0.0.1:8089/index.php?rest_route=/');
    const url = root.url('wp/v2/posts/12', { context: 'edit' });
    expect(url.pathname).toBe('/index.php');
    expect(url.searchParams.get('rest_route')).toBe('/wp/v2/posts/12');
    expect(url.searchParams.get('context')).toBe('edit');
    const lang = restRoot('https://x.cn/?rest_route=/&lang=zh').url('wp/v2/tags');
    expect(lang.searchParams.get('lang')).toBe('zh');
    expect(lang.searchParams.get('rest_route')).toBe('/wp/v2/tags');
  });

  it('falls back to <site>/wp-json/, also for a site under a path', () => {
    expect(fallbackRestRoot('https://x.cn').href).toBe('https://x.cn/wp-json/');
    expect(fallbackRestRoot('https://x.cn/portal?x=1').href).toBe('https://x.cn/portal/wp-json/');
  });
});
