import { describe, expect, it } from 'vitest';
import type { HttpReply } from '../../../../../src/core/channels/channelHttp.ts';
import { problem } from '../../../../../src/core/channels/channelProblem.ts';
import { MastodonAccountSchema } from '../../../../../src/core/channels/mastodon/mastodonApi.ts';
import {
  LOST_RETRY_MS,
  NOT_SENT_RETRY_MS,
  RATE_LIMIT_RETRY_MS,
  SERVER_ERROR_RETRY_MS,
  mastodonCall,
  mastodonFailure,
  mayHaveTakenEffect,
  rateLimitResetMs,
  type MastodonFailure,
} from '../../../../../src/core/channels/mastodon/mastodonCall.ts';

const NOW = new Date('2025-03-01T02:00:00Z');

async function failureOf(reply: HttpReply): Promise<MastodonFailure> {
  const result = await mastodonCall(
    () => Promise.resolve({ kind: 'reply', reply }),
    { method: 'GET', url: 'http://127.0.0.1:9/api/v1/accounts/verify_credentials' },
    MastodonAccountSchema,
  );
  if (result.kind === 'ok') throw new Error('expected a failure');
  return result;
}
const jsonReply = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpReply => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: Buffer.from(JSON.stringify(body)),
});

describe('mastodonCall and mastodonFailure', () => {
  it('asks for a new token on 401 and 403, keeping what Mastodon said', async () => {
    const unauthorised = await failureOf(jsonReply(401, { error: 'The access token is invalid' }));
    expect(mastodonFailure(unauthorised, true, NOW)).toMatchObject({
      kind: 'failed',
      reauthorize: true,
      problem: { code: 'mastodon.401', channelSaid: 'The access token is invalid' },
    });
    const forbidden = await failureOf(
      jsonReply(403, { error: 'This action is outside the authorized scopes' }),
    );
    expect(mastodonFailure(forbidden, true, NOW)).toMatchObject({
      kind: 'failed',
      reauthorize: true,
      problem: { code: 'mastodon.403' },
    });
  });

  it('fails on 422 with the server’s own reason in the message', async () => {
    const outcome = mastodonFailure(
      await failureOf(
        jsonReply(422, { error: 'Validation failed: Text character limit of 500 exceeded' }),
      ),
      true,
      NOW,
    );
    expect(outcome).toMatchObject({
      kind: 'failed',
      reauthorize: false,
      problem: { code: 'mastodon.422' },
    });
    expect(outcome.problem.message.en).toContain('Text character limit of 500 exceeded');
  });

  it('retries 429 at X-RateLimit-Reset, else Retry-After, else five minutes', async () => {
    const reset = jsonReply(
      429,
      { error: 'Too many requests' },
      {
        'x-ratelimit-limit': '300',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': '2025-03-01T02:03:30.000Z',
      },
    );
    expect(mastodonFailure(await failureOf(reset), true, NOW)).toMatchObject({
      kind: 'retry',
      afterMs: 210_000,
      problem: { code: 'mastodon.429' },
    });
    expect(rateLimitResetMs(jsonReply(429, {}, { 'retry-after': '42' }), NOW)).toBe(42_000);
    expect(
      mastodonFailure(await failureOf(jsonReply(429, { error: 'Too many requests' })), true, NOW),
    ).toMatchObject({ kind: 'retry', afterMs: RATE_LIMIT_RETRY_MS });
  });

  it('retries server errors and lost replies of repeatable calls; otherwise they are unknown', async () => {
    const page: HttpReply = {
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: Buffer.from('<html><title>502 Bad Gateway</title></html>'),
    };
    const html = await failureOf(page);
    expect(mayHaveTakenEffect(html)).toBe(true);
    const retry = mastodonFailure(html, true, NOW);
    expect(retry).toMatchObject({
      kind: 'retry',
      afterMs: SERVER_ERROR_RETRY_MS,
      problem: { code: 'reply.html' },
    });
    expect(retry.problem.message.en).toMatch(/HTTP 502.*page.*try again later/);
    expect(retry.problem.channelSaid).toContain('502 Bad Gateway');
    expect(mastodonFailure(html, false, NOW)).toMatchObject({ kind: 'unknown' });

    const lost = {
      kind: 'lost',
      problem: problem('mastodon', 'http.timeout', '超时。', 'Timed out.'),
    } as const;
    expect(mastodonFailure(lost, true, NOW)).toMatchObject({
      kind: 'retry',
      afterMs: LOST_RETRY_MS,
    });
    expect(mastodonFailure(lost, false, NOW)).toMatchObject({ kind: 'unknown' });
    const notSent = {
      kind: 'not-sent',
      problem: problem('mastodon', 'http.unreachable', '不通。', 'Unreachable.'),
    } as const;
    expect(mayHaveTakenEffect(notSent)).toBe(false);
    expect(mastodonFailure(notSent, false, NOW)).toMatchObject({
      kind: 'retry',
      afterMs: NOT_SENT_RETRY_MS,
    });
  });

  it('reads a 2xx of the wrong shape as unreadable, which may have taken effect', async () => {
    const result = await failureOf(jsonReply(200, { id: 5 }));
    expect(result).toMatchObject({ kind: 'unreadable', problem: { code: 'reply.unexpected' } });
    expect(mayHaveTakenEffect(result)).toBe(true);
    expect(mayHaveTakenEffect(await failureOf(jsonReply(422, { error: 'x' })))).toBe(false);
  });
});
