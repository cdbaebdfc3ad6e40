import { beforeEach, describe, expect, it } from 'vitest';
import { memoryUploadCache } from '../../../../../src/core/channels/adapterOptions.ts';
import type { ChannelHttp, HttpRequest } from '../../../../../src/core/channels/channelHttp.ts';
import { wechatContext } from '../../../../../src/core/channels/wechat/wechatContext.ts';
import {
  currentToken,
  forgetWechatTokens,
  renewToken,
} from '../../../../../src/core/channels/wechat/wechatTokens.ts';
import { manualClock } from '../../../../../src/core/clock.ts';

/** A token endpoint in memory: answers each request with the next reply, after a tick. */
function tokenEndpoint(replies: Array<Record<string, unknown> | 'lost'>) {
  const requests: Array<{ body: Record<string, unknown> }> = [];
  const http: ChannelHttp = async (request: HttpRequest) => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    requests.push({
      body: request.body?.type === 'json' ? (request.body.value as Record<string, unknown>) : {},
    });
    const reply = replies.shift();
    if (reply === undefined || reply === 'lost') {
      return {
        kind: 'lost',
        problem: {
          channel: 'wechat',
          code: 'http.timeout',
          message: { zh: '超时。', en: 'Timed out.' },
        },
      };
    }
    return {
      kind: 'reply',
      reply: {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: Buffer.from(JSON.stringify(reply)),
      },
    };
  };
  return { http, requests };
}

const clock = manualClock('2025-06-02T02:00:00Z');

function ctx(http: ChannelHttp, appSecret = 'secret-1') {
  return wechatContext({
    settings: {
      channel: 'wechat',
      apiBase: 'https://api.example.test/',
      appId: 'wx1234567890abcdef',
      openComment: false,
    },
    secrets: { appSecret },
    http,
    clock,
    uploads: memoryUploadCache(),
  });
}

describe('WeChat token holder', () => {
  beforeEach(() => {
    forgetWechatTokens();
    clock.set('2025-06-02T02:00:00Z');
  });

  it('asks stable_token once for concurrent callers, without force_refresh, and keeps the token', async () => {
    const endpoint = tokenEndpoint([{ access_token: 'T1', expires_in: 7200 }]);
    const c = ctx(endpoint.http);
    const tokens = await Promise.all([
      currentToken(c),
      currentToken(c),
      currentToken(ctx(endpoint.http)),
    ]);
    expect(tokens).toEqual([
      { ok: true, token: 'T1' },
      { ok: true, token: 'T1' },
      { ok: true, token: 'T1' },
    ]);
    expect(endpoint.requests).toHaveLength(1);
    expect(endpoint.requests[0]?.body).toEqual({
      grant_type: 'client_credential',
      appid: 'wx1234567890abcdef',
      secret: 'secret-1',
      force_refresh: false,
    });
    clock.advance(7200_000 - 6 * 60_000);
    expect(await currentToken(c)).toEqual({ ok: true, token: 'T1' });
    expect(endpoint.requests).toHaveLength(1);
  });

  it('refreshes 5 minutes before expiry, and uses the held token while it is valid if that fails', async () => {
    const endpoint = tokenEndpoint([
      { access_token: 'T1', expires_in: 7200 },
      'lost',
      { access_token: 'T2', expires_in: 7200 },
    ]);
    const c = ctx(endpoint.http);
    await currentToken(c);
    clock.advance(7200_000 - 4 * 60_000);
    expect(await currentToken(c)).toEqual({ ok: true, token: 'T1' });
    expect(await currentToken(c)).toEqual({ ok: true, token: 'T2' });
    expect(endpoint.requests).toHaveLength(3);
  });

  it('renews a refused token once with force_refresh for concurrent callers; a newer token needs no fetch', async () => {
    const endpoint = tokenEndpoint([
      { access_token: 'T1', expires_in: 7200 },
      { access_token: 'T2', expires_in: 7200 },
    ]);
    const c = ctx(endpoint.http);
    await currentToken(c);
    const renewed = await Promise.all([renewToken(c, 'T1'), renewToken(c, 'T1')]);
    expect(renewed).toEqual([
      { ok: true, token: 'T2' },
      { ok: true, token: 'T2' },
    ]);
    expect(await renewToken(c, 'T1')).toEqual({ ok: true, token: 'T2' });
    expect(endpoint.requests.map((r) => r.body['force_refresh'])).toEqual([false, true]);
  });

  it('starts over when the AppSecret changes, and reads 40001 from the token endpoint as a wrong secret', async () => {
    const endpoint = tokenEndpoint([
      { access_token: 'T1', expires_in: 7200 },
      { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' },
    ]);
    expect(await currentToken(ctx(endpoint.http))).toEqual({ ok: true, token: 'T1' });
    const other = await currentToken(ctx(endpoint.http, 'secret-2'));
    expect(other.ok).toBe(false);
    if (!other.ok) {
      expect(other.failure).toMatchObject({
        kind: 'refused',
        errorKind: 'credentials',
        failure: { kind: 'failed', reauthorize: true },
      });
    }
  });

  it('a lost token reply is retryable and marks the call as not sent', async () => {
    const endpoint = tokenEndpoint(['lost']);
    const result = await currentToken(ctx(endpoint.http));
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: 'no-answer', done: 'no', failure: { kind: 'retry' } },
    });
  });
});
