import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  channelHttp,
  parseJsonReply,
  retryAfterMs,
  type HttpReply,
} from '../../../../src/core/channels/channelHttp.ts';
import {
  startSimulator,
  type RunningSimulator,
} from '../../../../src/core/channels/sandbox/simulatorServer.ts';

/** A simulator that counts what it handled: the effect a "committed" request leaves. */
async function counting(): Promise<{ sim: RunningSimulator; handled: () => number }> {
  let handled = 0;
  const sim = await startSimulator('portal', {
    handle: () => {
      handled++;
      return { reply: { status: 200, json: { id: handled } }, note: `handled ${handled}` };
    },
    expireTokens: () => undefined,
  });
  return { sim, handled: () => handled };
}

const reply = (body: string, headers: Record<string, string> = {}, status = 200): HttpReply => ({
  status,
  headers,
  body: Buffer.from(body),
});

describe('channelHttp over a sandbox server', () => {
  const running: RunningSimulator[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((s) => s.close()));
  });
  const http = channelHttp('portal');

  it('returns a reply with lower-case headers, whatever its status', async () => {
    const { sim } = await counting();
    running.push(sim);
    sim.faults.add({ fault: { kind: 'status', status: 503, body: '{"code":"busy"}' } });
    const first = await http({
      method: 'POST',
      url: `${sim.url}/x`,
      body: { type: 'json', value: { a: 1 } },
    });
    expect(first.kind).toBe('reply');
    if (first.kind === 'reply') expect(first.reply.status).toBe(503);
    const second = await http({ method: 'GET', url: `${sim.url}/x` });
    expect(second.kind === 'reply' && second.reply.headers['content-type']).toMatch(
      /application\/json/,
    );
    expect(sim.records().map((r) => r.status)).toEqual([503, 200]);
  });

  it('says "not sent" when nothing listens (connection refused)', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const result = await http({ method: 'POST', url: `http://127.0.0.1:${port}/x` });
    expect(result.kind).toBe('not-sent');
    if (result.kind === 'not-sent') expect(result.problem.code).toBe('http.unreachable');
  });

  it('says "lost" when the server handled the request and closed without answering', async () => {
    const { sim, handled } = await counting();
    running.push(sim);
    sim.faults.add({ fault: { kind: 'reset-after-commit' } });
    const result = await http({
      method: 'POST',
      url: `${sim.url}/x`,
      body: { type: 'form', value: { a: '1' } },
    });
    expect(result.kind).toBe('lost');
    expect(handled()).toBe(1);
  });

  it('says "lost" for a truncated body and for a timeout while waiting for the reply', async () => {
    const { sim } = await counting();
    running.push(sim);
    sim.faults.add({ fault: { kind: 'truncate' } });
    expect((await http({ method: 'GET', url: `${sim.url}/x` })).kind).toBe('lost');
    sim.faults.add({ fault: { kind: 'delay', ms: 1500 } });
    const slow = await http({ method: 'GET', url: `${sim.url}/x`, timeoutMs: 300 });
    expect(slow.kind).toBe('lost');
    if (slow.kind === 'lost') expect(slow.problem.code).toBe('http.timeout');
  });
});

describe('parseJsonReply', () => {
  const Shape = z.object({ id: z.number() });

  it('accepts JSON of the expected shape', () => {
    expect(parseJsonReply('weibo', reply('{"id": 7}'), Shape)).toEqual({
      ok: true,
      value: { id: 7 },
    });
  });

  it('names an HTML page, a malformed body and an unexpected shape, with what came back', () => {
    const html = parseJsonReply(
      'weibo',
      reply('<html><h1>502 Bad Gateway</h1></html>', { 'content-type': 'text/html' }, 502),
      Shape,
    );
    expect(html.ok === false && html.problem.code).toBe('reply.html');
    expect(html.ok === false && html.problem.channelSaid).toMatch(/502 Bad Gateway/);
    const malformed = parseJsonReply('weibo', reply('{"id": '), Shape);
    expect(malformed.ok === false && malformed.problem.code).toBe('reply.malformed');
    const unexpected = parseJsonReply('weibo', reply('{"id": "7"}'), Shape);
    expect(unexpected.ok === false && unexpected.problem.code).toBe('reply.unexpected');
    expect(unexpected.ok === false && unexpected.problem.message.zh).toMatch(/格式/);
  });
});

describe('retryAfterMs', () => {
  const now = new Date('2026-11-27T08:00:00Z');
  it('reads seconds and HTTP dates, and nothing when absent or unreadable', () => {
    expect(retryAfterMs(reply('', { 'retry-after': '120' }), now)).toBe(120_000);
    expect(retryAfterMs(reply('', { 'retry-after': 'Fri, 27 Nov 2026 08:00:30 GMT' }), now)).toBe(
      30_000,
    );
    expect(retryAfterMs(reply(''), now)).toBeUndefined();
    expect(retryAfterMs(reply('', { 'retry-after': 'soon' }), now)).toBeUndefined();
  });
});
