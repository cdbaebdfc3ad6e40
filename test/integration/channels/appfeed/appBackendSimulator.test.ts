import { afterEach, describe, expect, it } from 'vitest';
import {
  newWebhookSecret,
  startAppfeedSandbox,
  type AppfeedSandbox,
} from '../../../../src/core/channels/appfeed/sandbox/appBackendSimulator.ts';
import { sign } from '../../../../src/core/channels/appfeed/standardWebhooks.ts';

const NOW = new Date('2025-03-01T02:00:00Z');
const SECONDS = NOW.getTime() / 1000;
const sandboxes: AppfeedSandbox[] = [];

afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((s) => s.close()));
});

async function start(): Promise<AppfeedSandbox> {
  const sandbox = await startAppfeedSandbox({ now: () => NOW });
  sandboxes.push(sandbox);
  return sandbox;
}

const BODY = JSON.stringify({
  type: 'release.published',
  timestamp: NOW.toISOString(),
  data: { id: 'draft-1' },
});

function post(
  sandbox: AppfeedSandbox,
  options: {
    id?: string;
    timestamp?: number;
    body?: string;
    secret?: string;
    signature?: string;
  } = {},
) {
  const id = options.id ?? 'msg_1';
  const timestamp = options.timestamp ?? SECONDS;
  const body = options.body ?? BODY;
  const secret = options.secret ?? sandbox.account.secrets.webhookSecret ?? '';
  return fetch(`${sandbox.url}/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': options.signature ?? sign(secret, id, timestamp, body),
    },
    body,
  });
}

describe('app backend simulator', () => {
  it('serves on 127.0.0.1 with an account pointing at it', async () => {
    const sandbox = await start();
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.account.settings).toMatchObject({
      channel: 'appfeed',
      feedUrl: `${sandbox.url}/feed.json`,
      webhookUrl: `${sandbox.url}/webhooks`,
      feedDir: sandbox.backend.feedDir,
    });
    expect(sandbox.account.secrets.webhookSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  });

  it('accepts a verified event once, answering a repeat of its webhook-id as a duplicate', async () => {
    const sandbox = await start();
    expect((await post(sandbox)).status).toBe(200);
    const again = await post(sandbox, { timestamp: SECONDS + 30 });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: 'duplicate' });
    expect(sandbox.backend.events()).toHaveLength(1);
    expect(sandbox.backend.events()[0]).toMatchObject({
      id: 'msg_1',
      type: 'release.published',
      body: BODY,
    });
  });

  it('refuses like a Standard Webhooks receiver: 400 headers/timestamp/payload, 401 signature', async () => {
    const sandbox = await start();
    const missing = await fetch(`${sandbox.url}/webhooks`, { method: 'POST', body: BODY });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: 'missing_headers' });
    expect((await post(sandbox, { timestamp: SECONDS - 6 * 60 })).status).toBe(400);
    expect((await post(sandbox, { timestamp: SECONDS + 6 * 60 })).status).toBe(400);
    const tampered = sign(sandbox.account.secrets.webhookSecret ?? '', 'msg_1', SECONDS, BODY);
    const changed = await post(sandbox, {
      body: BODY.replace('draft-1', 'draft-2'),
      signature: tampered,
    });
    expect(changed.status).toBe(401);
    expect(await changed.json()).toMatchObject({ error: 'bad_signature' });
    expect((await post(sandbox, { secret: newWebhookSecret() })).status).toBe(401);
    expect((await post(sandbox, { id: 'msg_2', body: '{"type":"x"}' })).status).toBe(400);
    expect((await fetch(`${sandbox.url}/webhooks`)).status).toBe(405);
    expect(sandbox.backend.events()).toHaveLength(0);
    expect(sandbox.backend.deliveries().map((d) => d.outcome)).toEqual([
      'missing-headers',
      'too-old',
      'too-new',
      'bad-signature',
      'bad-signature',
      'invalid-payload',
    ]);
  });

  it('answers 410 until told to accept again; 429/503 with Retry-After the given number of times', async () => {
    const sandbox = await start();
    sandbox.backend.refuse({ status: 410 });
    expect((await post(sandbox, { id: 'msg_a' })).status).toBe(410);
    expect((await post(sandbox, { id: 'msg_b' })).status).toBe(410);
    sandbox.backend.accept();
    sandbox.backend.refuse({ status: 503, retryAfterSeconds: 9, times: 2 });
    const busy = await post(sandbox, { id: 'msg_c' });
    expect([busy.status, busy.headers.get('retry-after')]).toEqual([503, '9']);
    expect((await post(sandbox, { id: 'msg_c' })).status).toBe(503);
    expect((await post(sandbox, { id: 'msg_c' })).status).toBe(200);
    expect(sandbox.backend.events().map((e) => e.id)).toEqual(['msg_c']);
  });

  it('the expire-token fault replaces its secret: the account secret is refused from then on', async () => {
    const sandbox = await start();
    sandbox.faults.add({ method: 'POST', path: '/webhooks', fault: { kind: 'expire-token' } });
    expect((await post(sandbox)).status).toBe(401);
    expect(sandbox.backend.secrets()).not.toContain(sandbox.account.secrets.webhookSecret);
  });

  it('serves only the feed and hash-named media files', async () => {
    const sandbox = await start();
    expect((await fetch(`${sandbox.url}/feed.json`)).status).toBe(404);
    expect((await fetch(`${sandbox.url}/media/${'a'.repeat(64)}.png`)).status).toBe(404);
    expect((await fetch(`${sandbox.url}/media/..%2Ffeed.json`)).status).toBe(404);
    expect((await fetch(`${sandbox.url}/media/notes.txt`)).status).toBe(404);
    expect((await fetch(`${sandbox.url}/feed.json`, { method: 'DELETE' })).status).toBe(405);
  });
});
