import type { SimRequest } from '../../sandbox/simulatorServer.ts';

/**
 * A request's parameters as Rails reads them for Mastodon: a JSON body, or a form
 * (urlencoded or multipart, `name[]` collecting into an array), over the query string.
 */
export interface MastodonParams {
  text(name: string): string | undefined;
  list(name: string): unknown[] | undefined;
  value(name: string): unknown;
  file(name: string): File | undefined;
}

export async function readMastodonParams(request: SimRequest): Promise<MastodonParams> {
  const values = new Map<string, unknown>();
  const files = new Map<string, File>();
  for (const [name, value] of request.url.searchParams) values.set(name, value);
  const type = request.headers['content-type'] ?? '';
  if (/^application\/json/i.test(type) && request.body.length > 0) {
    const json: unknown = JSON.parse(request.body.toString('utf8'));
    if (json && typeof json === 'object' && !Array.isArray(json)) {
      for (const [name, value] of Object.entries(json)) values.set(name, value);
    }
  } else if (/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) {
    const form = await new Response(new Uint8Array(request.body), {
      headers: { 'content-type': type },
    }).formData();
    for (const [name, value] of form) {
      if (typeof value !== 'string') {
        files.set(name, value);
      } else if (name.endsWith('[]')) {
        const key = name.slice(0, -2);
        const list = values.get(key);
        values.set(key, Array.isArray(list) ? [...list, value] : [value]);
      } else {
        values.set(name, value);
      }
    }
  }
  return {
    text: (name) => {
      const v = values.get(name);
      return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
    },
    list: (name) => {
      const v = values.get(name);
      return Array.isArray(v) ? v : undefined;
    },
    value: (name) => values.get(name),
    file: (name) => files.get(name),
  };
}
