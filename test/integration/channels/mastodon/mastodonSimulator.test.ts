import { describe, expect, it } from 'vitest';
import { useMastodonSandbox } from './mastodonTestKit.ts';

/** The simulator itself, over plain HTTP: what the adapter never sends is checked too. */
describe('Mastodon sandbox simulator', () => {
  const kit = useMastodonSandbox();

  async function api(
    base: string,
    token: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return {
      status: response.status,
      headers: response.headers,
      json: (await response.json()) as unknown,
    };
  }

  async function uploaded(base: string, token: string, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const form = new FormData();
      form.set(
        'file',
        new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' }),
        `${i}.png`,
      );
      const response = await fetch(`${base}/api/v2/media`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      ids.push(((await response.json()) as { id: string }).id);
    }
    return ids;
  }

  it('gives its account settings pointing at it and listens on 127.0.0.1', async () => {
    const sandbox = await kit.start();
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.account.settings).toEqual({
      channel: 'mastodon',
      instanceUrl: sandbox.url,
      visibility: 'public',
      language: 'zh',
    });
  });

  it('refuses more than 4 attachments, and a status that is empty', async () => {
    const sandbox = await kit.start({ processingPolls: 0 });
    const token = sandbox.account.secrets['accessToken'] ?? '';
    const ids = await uploaded(sandbox.url, token, 5);
    expect(
      await api(sandbox.url, token, 'POST', '/api/v1/statuses', { status: '五张', media_ids: ids }),
    ).toMatchObject({
      status: 422,
      json: { error: 'Cannot attach more than 4 files' },
    });
    expect(
      await api(sandbox.url, token, 'POST', '/api/v1/statuses', { status: ' ' }),
    ).toMatchObject({
      status: 422,
      json: { error: "Validation failed: Text can't be blank" },
    });
    expect(sandbox.sim.statuses).toEqual([]);
  });

  it('remembers an Idempotency-Key for one hour only', async () => {
    const sandbox = await kit.start();
    const token = sandbox.account.secrets['accessToken'] ?? '';
    const post = () =>
      api(
        sandbox.url,
        token,
        'POST',
        '/api/v1/statuses',
        { status: '同一条' },
        { 'idempotency-key': 'k-1' },
      );
    const first = await post();
    kit.clock.advance(59 * 60_000);
    const repeat = await post();
    expect((repeat.json as { id: string }).id).toBe((first.json as { id: string }).id);
    expect(sandbox.sim.statuses).toHaveLength(1);
    kit.clock.advance(2 * 60_000);
    const late = await post();
    expect((late.json as { id: string }).id).not.toBe((first.json as { id: string }).id);
    expect(sandbox.sim.statuses).toHaveLength(2);
  });

  it('sends X-RateLimit headers and 429 past the limit, until the window resets', async () => {
    const sandbox = await kit.start({ rateLimit: { limit: 2, windowMs: 60_000 } });
    const token = sandbox.account.secrets['accessToken'] ?? '';
    const first = await api(sandbox.url, token, 'GET', '/api/v1/accounts/verify_credentials');
    expect(first.headers.get('x-ratelimit-limit')).toBe('2');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
    expect(first.headers.get('x-ratelimit-reset')).toBe('2025-03-01T02:01:00.000Z');
    await api(sandbox.url, token, 'GET', '/api/v1/accounts/verify_credentials');
    const limited = await api(sandbox.url, token, 'GET', '/api/v1/accounts/verify_credentials');
    expect(limited).toMatchObject({ status: 429, json: { error: 'Too many requests' } });
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    kit.clock.advance(60_000);
    expect(
      (await api(sandbox.url, token, 'GET', '/api/v1/accounts/verify_credentials')).status,
    ).toBe(200);
  });

  it('refuses every token once they are expired, with Mastodon’s 401 body', async () => {
    const sandbox = await kit.start();
    const token = sandbox.account.secrets['accessToken'] ?? '';
    expect(
      (await api(sandbox.url, token, 'GET', '/api/v1/accounts/verify_credentials')).status,
    ).toBe(200);
    sandbox.sim.expireTokens();
    expect(
      await api(sandbox.url, token, 'GET', '/api/v1/accounts/verify_credentials'),
    ).toMatchObject({
      status: 401,
      json: { error: 'The access token is invalid' },
    });
    // The instance description needs no token.
    expect((await api(sandbox.url, '', 'GET', '/api/v2/instance')).status).toBe(200);
  });
});
