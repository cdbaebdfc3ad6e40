import { describe, expect, it } from 'vitest';
import type { HttpReply } from '../../../../../src/core/channels/channelHttp.ts';
import { problem } from '../../../../../src/core/channels/channelProblem.ts';
import { WeiboUidSchema } from '../../../../../src/core/channels/weibo/weiboApi.ts';
import {
  LOST_RETRY_MS,
  NOT_SENT_RETRY_MS,
  weiboCall,
  weiboFailure,
  type WeiboFailure,
} from '../../../../../src/core/channels/weibo/weiboCall.ts';
import {
  WEIBO_BUSY_BACKOFF_MS,
  WEIBO_RATE_LIMIT_BACKOFF_MS,
  WEIBO_TOO_OFTEN_BACKOFF_MS,
} from '../../../../../src/core/channels/weibo/weiboErrors.ts';

const NOW = new Date('2025-03-01T00:00:00Z');
const json = (status: number, body: unknown, headers: Record<string, string> = {}): HttpReply => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: Buffer.from(JSON.stringify(body)),
});

/** The call result for one canned reply (weiboCall over an http that answers it). */
async function resultOf(reply: HttpReply): Promise<WeiboFailure> {
  const result = await weiboCall(
    () => Promise.resolve({ kind: 'reply', reply }),
    { method: 'GET', url: 'http://127.0.0.1:9/2/account/get_uid.json' },
    WeiboUidSchema,
  );
  if (result.kind === 'ok') throw new Error('expected a failure');
  return result;
}
const weiboError = (code: number, status = 400, headers: Record<string, string> = {}) =>
  resultOf(json(status, { request: '/2/x', error_code: code, error: `error ${code}` }, headers));

describe('weiboCall', () => {
  it('reads a good reply with the schema', async () => {
    const result = await weiboCall(
      () => Promise.resolve({ kind: 'reply', reply: json(200, { uid: 12 }) }),
      { method: 'GET', url: 'http://127.0.0.1:9/2/account/get_uid.json' },
      WeiboUidSchema,
    );
    expect(result).toEqual({ kind: 'ok', value: { uid: 12 } });
  });

  it('reads Weibo errors whatever the status, and anything else as unreadable', async () => {
    expect(await weiboError(21332, 403)).toMatchObject({
      kind: 'weibo-error',
      errorKind: 'reauthorize',
    });
    expect(await resultOf(json(200, { id: 1 }))).toMatchObject({
      kind: 'unreadable',
      problem: { code: 'reply.unexpected' },
    });
    expect(
      await resultOf({
        status: 502,
        headers: { 'content-type': 'text/html' },
        body: Buffer.from('<html>bad gateway</html>'),
      }),
    ).toMatchObject({ kind: 'unreadable', status: 502, problem: { code: 'reply.html' } });
  });
});

describe('weiboFailure', () => {
  const transport = problem('weibo', 'http.timeout', '超时。', 'Timed out.');

  it('retries what was never sent, and a lost reply only when the call is repeatable', () => {
    expect(weiboFailure({ kind: 'not-sent', problem: transport }, false, NOW)).toMatchObject({
      kind: 'retry',
      afterMs: NOT_SENT_RETRY_MS,
    });
    expect(weiboFailure({ kind: 'lost', problem: transport }, true, NOW)).toMatchObject({
      kind: 'retry',
      afterMs: LOST_RETRY_MS,
    });
    const unknown = weiboFailure({ kind: 'lost', problem: transport }, false, NOW);
    expect(unknown).toMatchObject({ kind: 'unknown', problem: { code: 'http.timeout' } });
    expect(unknown.problem.message.en).toMatch(/^Timed out\. It is not certain/);
  });

  it('backs off on rate limits, using Retry-After when Weibo sends it', async () => {
    expect(weiboFailure(await weiboError(10023), false, NOW)).toMatchObject({
      kind: 'retry',
      afterMs: WEIBO_RATE_LIMIT_BACKOFF_MS,
      problem: { code: 'weibo.10023' },
    });
    expect(
      weiboFailure(await weiboError(10022, 400, { 'retry-after': '90' }), false, NOW),
    ).toMatchObject({
      kind: 'retry',
      afterMs: 90_000,
    });
    expect(weiboFailure(await weiboError(20016), false, NOW)).toMatchObject({
      kind: 'retry',
      afterMs: WEIBO_TOO_OFTEN_BACKOFF_MS,
    });
    expect(weiboFailure(await weiboError(10009), false, NOW)).toMatchObject({
      kind: 'retry',
      afterMs: WEIBO_BUSY_BACKOFF_MS,
    });
    const proxy429: HttpReply = {
      status: 429,
      headers: { 'retry-after': '120', 'content-type': 'application/json' },
      body: Buffer.from('{"error":"Too many requests"}'),
    };
    expect(weiboFailure(await resultOf(proxy429), false, NOW)).toMatchObject({
      kind: 'retry',
      afterMs: 120_000,
    });
  });

  it('asks for re-authorisation on token errors, and fails for good on refusals', async () => {
    for (const code of [21327, 21332, 21324, 21325, 21315]) {
      expect(weiboFailure(await weiboError(code), false, NOW)).toMatchObject({
        kind: 'failed',
        reauthorize: true,
      });
    }
    for (const code of [20012, 10017, 20005, 20003]) {
      expect(weiboFailure(await weiboError(code), false, NOW)).toMatchObject({
        kind: 'failed',
        reauthorize: false,
        problem: { code: `weibo.${code}` },
      });
    }
  });

  it('treats duplicate content as unknown: the earlier attempt most likely landed', async () => {
    for (const code of [20017, 20019, 20111]) {
      expect(weiboFailure(await weiboError(code), false, NOW)).toMatchObject({ kind: 'unknown' });
    }
  });

  it('treats server failures of a create as unknown, of a read as retry', async () => {
    const html: HttpReply = {
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: Buffer.from('<html><h1>502 Bad Gateway</h1></html>'),
    };
    expect(weiboFailure(await resultOf(html), false, NOW)).toMatchObject({ kind: 'unknown' });
    expect(weiboFailure(await resultOf(html), true, NOW)).toMatchObject({
      kind: 'retry',
      afterMs: WEIBO_BUSY_BACKOFF_MS,
    });
    expect(weiboFailure(await weiboError(10001, 500), false, NOW)).toMatchObject({
      kind: 'unknown',
    });
    const unreadable200 = await resultOf(json(200, { nothing: true }));
    expect(weiboFailure(unreadable200, false, NOW)).toMatchObject({
      kind: 'unknown',
      problem: { code: 'reply.unexpected' },
    });
    const notFoundPage: HttpReply = {
      status: 404,
      headers: { 'content-type': 'text/html' },
      body: Buffer.from('<html>not found</html>'),
    };
    const failed = weiboFailure(await resultOf(notFoundPage), false, NOW);
    expect(failed).toMatchObject({ kind: 'failed', reauthorize: false });
    expect(failed.problem.message.en).toMatch(/Check the API address/);
  });
});
