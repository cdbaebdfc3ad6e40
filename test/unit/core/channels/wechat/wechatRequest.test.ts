import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { memoryUploadCache } from '../../../../../src/core/channels/adapterOptions.ts';
import type {
  ChannelHttp,
  HttpReply,
  HttpRequest,
} from '../../../../../src/core/channels/channelHttp.ts';
import { wechatContext } from '../../../../../src/core/channels/wechat/wechatContext.ts';
import { sendWechat } from '../../../../../src/core/channels/wechat/wechatRequest.ts';
import { manualClock } from '../../../../../src/core/clock.ts';

function answering(reply: Partial<HttpReply> & { text: string }) {
  const seen: HttpRequest[] = [];
  const http: ChannelHttp = (request) => {
    seen.push(request);
    return Promise.resolve({
      kind: 'reply',
      reply: {
        status: reply.status ?? 200,
        headers: reply.headers ?? { 'content-type': 'application/json' },
        body: Buffer.from(reply.text),
      },
    });
  };
  return { http, seen };
}

const ctxOf = (http: ChannelHttp) =>
  wechatContext({
    settings: {
      channel: 'wechat',
      apiBase: 'https://api.example.test',
      appId: 'wx1234567890abcdef',
      openComment: false,
    },
    secrets: { appSecret: 's' },
    http,
    clock: manualClock('2025-06-02T02:00:00Z'),
    uploads: memoryUploadCache(),
  });

const Schema = z.object({ media_id: z.string() });
const send = (http: ChannelHttp, repeatable: boolean) =>
  sendWechat(
    ctxOf(http),
    { path: '/cgi-bin/draft/add', body: { type: 'json', value: {} }, schema: Schema, repeatable },
    'TOKEN',
  );

describe('sendWechat', () => {
  it('puts the token in the query and reads a success', async () => {
    const { http, seen } = answering({ text: '{"media_id":"M1"}' });
    expect(await send(http, false)).toEqual({ kind: 'ok', value: { media_id: 'M1' } });
    expect(String(seen[0]?.url)).toBe(
      'https://api.example.test/cgi-bin/draft/add?access_token=TOKEN',
    );
  });

  it('reads an errcode in an HTTP 200 as a refusal, with WeChat’s words', async () => {
    const { http } = answering({
      text: '{"errcode":45003,"errmsg":"title size out of limit rid: 1-2-3"}',
    });
    const result = await send(http, false);
    expect(result).toMatchObject({
      kind: 'refused',
      errcode: 45003,
      errorKind: 'content',
      failure: {
        kind: 'failed',
        problem: { code: 'wechat.45003', channelSaid: '45003 title size out of limit rid: 1-2-3' },
      },
    });
  });

  it('a 2xx of the wrong shape: unknown for a create, retry for a repeatable call', async () => {
    const { http } = answering({ text: '{"errcode":0}' });
    expect(await send(http, false)).toMatchObject({
      kind: 'no-answer',
      done: 'maybe',
      failure: { kind: 'unknown', problem: { code: 'reply.unexpected' } },
    });
    expect(await send(http, true)).toMatchObject({ failure: { kind: 'retry' } });
  });

  it('a 5xx: unknown for a create, retry for a repeatable call; 429 and 503: retry, not done, Retry-After used', async () => {
    const failing = answering({ status: 500, text: 'oops', headers: {} });
    expect(await send(failing.http, false)).toMatchObject({
      failure: { kind: 'unknown', problem: { code: 'http.500' } },
    });
    expect(await send(failing.http, true)).toMatchObject({ failure: { kind: 'retry' } });
    const limited = answering({ status: 429, text: '', headers: { 'retry-after': '12' } });
    expect(await send(limited.http, false)).toMatchObject({
      done: 'no',
      failure: { kind: 'retry', afterMs: 12_000 },
    });
    const down = answering({ status: 503, text: '', headers: {} });
    expect(await send(down.http, false)).toMatchObject({ done: 'no', failure: { kind: 'retry' } });
  });

  it('a 404 page: failed, telling them to check the API address', async () => {
    const { http } = answering({
      status: 404,
      text: '<html>Not Found</html>',
      headers: { 'content-type': 'text/html' },
    });
    const result = await send(http, true);
    expect(result).toMatchObject({
      failure: { kind: 'failed', reauthorize: false, problem: { code: 'http.404' } },
    });
    if (result.kind === 'no-answer')
      expect(result.failure.problem.message.en).toContain('API address');
  });
});
