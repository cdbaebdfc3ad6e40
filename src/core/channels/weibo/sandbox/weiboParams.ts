import type { SimRequest } from '../../sandbox/simulatorServer.ts';

/** A request's parameters: the query, then the form body (urlencoded or multipart). */
export interface WeiboParams {
  text(name: string): string | undefined;
  file(name: string): File | undefined;
}

/**
 * Reads the parameters as Weibo does: from the query string and, for POST, from a
 * form-urlencoded or multipart body (a body that is neither is ignored). The access token may
 * also come as `Authorization: OAuth2 <token>`.
 */
export async function readWeiboParams(request: SimRequest): Promise<WeiboParams> {
  const texts = new Map<string, string>();
  const files = new Map<string, File>();
  for (const [name, value] of request.url.searchParams) texts.set(name, value);
  const type = request.headers['content-type'] ?? '';
  if (
    request.method === 'POST' &&
    /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)
  ) {
    const form = await new Response(new Uint8Array(request.body), {
      headers: { 'content-type': type },
    }).formData();
    for (const [name, value] of form) {
      if (typeof value === 'string') texts.set(name, value);
      else files.set(name, value);
    }
  }
  const auth = /^OAuth2\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (auth?.[1] && !texts.has('access_token')) texts.set('access_token', auth[1]);
  return { text: (name) => texts.get(name), file: (name) => files.get(name) };
}
