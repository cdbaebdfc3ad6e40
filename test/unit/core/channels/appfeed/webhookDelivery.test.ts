import { describe, expect, it } from 'vitest';
import { verify } from '../../../../../src/core/channels/appfeed/standardWebhooks.ts';
import {
  DEFAULT_RETRY_MS,
  WEBHOOK_TIMEOUT_MS,
  deliverWebhook,
  webhookIdFor,
  type WebhookEvent,
} from '../../../../../src/core/channels/appfeed/webhookDelivery.ts';
import type {
  ChannelHttp,
  HttpRequest,
  HttpResult,
} from '../../../../../src/core/channels/channelHttp.ts';
import { problem } from '../../../../../src/core/channels/channelProblem.ts';

const SECRET = `whsec_${Buffer.alloc(32, 3).toString('base64')}`;
const NOW = new Date('2025-03-01T02:00:00Z');
const EVENT: WebhookEvent = {
  type: 'release.published',
  timestamp: NOW.toISOString(),
  data: { id: 'draft-1', url: null, title: '标题', feed_url: 'https://x.gov.cn/feed.json' },
};

function fakeHttp(result: HttpResult): ChannelHttp & { requests: HttpRequest[] } {
  const requests: HttpRequest[] = [];
  const http = async (request: HttpRequest) => {
    requests.push(request);
    return result;
  };
  return Object.assign(http, { requests });
}

const reply = (status: number, headers: Record<string, string> = {}, body = ''): HttpResult => ({
  kind: 'reply',
  reply: { status, headers, body: Buffer.from(body) },
});

const deliver = (http: ChannelHttp) =>
  deliverWebhook({
    http,
    url: 'https://app.example.gov.cn/webhooks',
    secret: SECRET,
    id: 'msg_abc',
    event: EVENT,
    now: NOW,
    done: { zh: '已写入。', en: 'Written.' },
  });

describe('webhookIdFor', () => {
  it('is the same for the same event and differs for any other, without dots', () => {
    const a = webhookIdFor('release.published', 'pub-1');
    expect(webhookIdFor('release.published', 'pub-1')).toBe(a);
    expect(webhookIdFor('release.updated', 'pub-1')).not.toBe(a);
    expect(webhookIdFor('release.published', 'pub-2')).not.toBe(a);
    expect(a).toMatch(/^msg_[0-9a-f]{32}$/);
  });
});

describe('deliverWebhook', () => {
  it('POSTs the exact signed bytes with the three Standard Webhooks headers and a 20 s limit', async () => {
    const http = fakeHttp(reply(204));
    expect(await deliver(http)).toEqual({ kind: 'delivered', status: 204 });
    const sent = http.requests[0];
    expect(sent?.method).toBe('POST');
    expect(sent?.timeoutMs).toBe(WEBHOOK_TIMEOUT_MS);
    const body = sent?.body;
    if (body?.type !== 'raw') throw new Error('expected a raw body');
    expect(body.contentType).toBe('application/json');
    expect(JSON.parse(body.value.toString('utf8'))).toEqual(EVENT);
    const h = body.headers ?? {};
    expect(h['webhook-id']).toBe('msg_abc');
    expect(h['webhook-timestamp']).toBe(String(NOW.getTime() / 1000));
    expect(
      verify(
        SECRET,
        {
          id: h['webhook-id'],
          timestamp: h['webhook-timestamp'],
          signature: h['webhook-signature'],
        },
        body.value,
        NOW,
      ).ok,
    ).toBe(true);
  });

  it('410: failed, endpoint gone, saying what is already done', async () => {
    const outcome = await deliver(fakeHttp(reply(410, {}, '{"error":"endpoint_disabled"}')));
    expect(outcome).toMatchObject({
      kind: 'failed',
      gone: true,
      reauthorize: false,
      problem: { code: 'appfeed.webhook-gone', channelSaid: 'HTTP 410: endpoint_disabled' },
    });
    if (outcome.kind !== 'failed') throw new Error('expected failed');
    expect(outcome.problem.message.en).toMatch(
      /webhook address in the account settings.*Written\.$/,
    );
    expect(outcome.problem.message.zh).toMatch(/已写入。$/);
  });

  it('429/502/503/504 and other 5xx: retry, honouring Retry-After', async () => {
    expect(await deliver(fakeHttp(reply(429, { 'retry-after': '7' })))).toMatchObject({
      kind: 'retry',
      afterMs: 7000,
      problem: { code: 'appfeed.webhook-rate-limited' },
    });
    for (const status of [502, 503, 504, 500]) {
      expect(await deliver(fakeHttp(reply(status)))).toMatchObject({
        kind: 'retry',
        afterMs: DEFAULT_RETRY_MS,
        problem: { code: 'appfeed.webhook-unavailable' },
      });
    }
    expect(
      await deliver(fakeHttp(reply(503, { 'retry-after': 'Sat, 01 Mar 2025 02:02:00 GMT' }))),
    ).toMatchObject({ kind: 'retry', afterMs: 120_000 });
  });

  it('401/403: failed, the secret must be renewed', async () => {
    for (const status of [401, 403]) {
      expect(
        await deliver(
          fakeHttp(reply(status, {}, '{"error":"bad_signature","message":"No match"}')),
        ),
      ).toMatchObject({
        kind: 'failed',
        reauthorize: true,
        problem: {
          code: 'appfeed.webhook-signature-refused',
          channelSaid: `HTTP ${status}: bad_signature — No match`,
        },
      });
    }
  });

  it('other 4xx and 3xx: failed with the status; an HTML body is kept as said', async () => {
    expect(
      await deliver(fakeHttp(reply(404, {}, '<html><h1>Not Found</h1></html>'))),
    ).toMatchObject({
      kind: 'failed',
      reauthorize: false,
      gone: false,
      problem: {
        code: 'appfeed.webhook-http-404',
        channelSaid: 'HTTP 404: <html><h1>Not Found</h1></html>',
      },
    });
    expect(
      await deliver(fakeHttp(reply(301, { location: 'https://new.example.gov.cn/hooks' }))),
    ).toMatchObject({
      kind: 'failed',
      problem: {
        code: 'appfeed.webhook-redirected',
        message: { en: expect.stringContaining('https://new.example.gov.cn/hooks') },
      },
    });
  });

  it('a lost reply or a request never sent: retry (the receiver dedupes on webhook-id)', async () => {
    const lost = await deliver(
      fakeHttp({
        kind: 'lost',
        problem: problem('appfeed', 'http.connection-lost', 'x', 'y', 'socket hang up'),
      }),
    );
    expect(lost).toMatchObject({
      kind: 'retry',
      afterMs: DEFAULT_RETRY_MS,
      problem: { code: 'appfeed.webhook-lost', channelSaid: 'socket hang up' },
    });
    const notSent = await deliver(
      fakeHttp({ kind: 'not-sent', problem: problem('appfeed', 'http.unreachable', 'x', 'y') }),
    );
    expect(notSent).toMatchObject({ kind: 'retry', problem: { code: 'http.unreachable' } });
  });
});
