import { describe, expect, it } from 'vitest';
import type { HttpReply } from '../../../../../src/core/channels/channelHttp.ts';
import { problem } from '../../../../../src/core/channels/channelProblem.ts';
import {
  wpFailure,
  type WpFailure,
} from '../../../../../src/core/channels/portal/wordpressCall.ts';
import {
  wpErrorKind,
  wpErrorProblem,
} from '../../../../../src/core/channels/portal/wordpressErrors.ts';
import type { WpError } from '../../../../../src/core/channels/portal/wordpressApi.ts';

const NOW = new Date('2026-03-01T00:00:00Z');
const p = problem('portal', 'x', '出错了。', 'It failed.');
const reply = (status: number, headers: Record<string, string> = {}): HttpReply => ({
  status,
  headers,
  body: Buffer.alloc(0),
});
const wpError = (code: string, status: number, headers: Record<string, string> = {}): WpFailure => {
  const error: WpError = { code, message: code, data: { status } };
  const kind = wpErrorKind(error, status);
  return {
    kind: 'wp-error',
    error,
    errorKind: kind,
    problem: wpErrorProblem(error, kind, status),
    reply: reply(status, headers),
  };
};

describe('wpFailure', () => {
  it('not sent → retry, whatever the call', () => {
    expect(wpFailure({ kind: 'not-sent', problem: p }, false, NOW)).toMatchObject({
      kind: 'retry',
      afterMs: 60_000,
    });
  });

  it('lost → unknown for a call not safe to repeat, retry for one that is', () => {
    expect(wpFailure({ kind: 'lost', problem: p }, false, NOW).kind).toBe('unknown');
    expect(wpFailure({ kind: 'lost', problem: p }, true, NOW)).toMatchObject({
      kind: 'retry',
      afterMs: 30_000,
    });
  });

  it('an unreadable 2xx → unknown for a create, retry for a repeatable call', () => {
    const failure: WpFailure = { kind: 'unreadable', status: 201, problem: p, reply: reply(201) };
    expect(wpFailure(failure, false, NOW).kind).toBe('unknown');
    expect(wpFailure(failure, true, NOW).kind).toBe('retry');
  });

  it('an unreadable 5xx or 429 → retry, using Retry-After (seconds or a date)', () => {
    expect(
      wpFailure(
        {
          kind: 'unreadable',
          status: 502,
          problem: p,
          reply: reply(502, { 'retry-after': '120' }),
        },
        false,
        NOW,
      ),
    ).toMatchObject({ kind: 'retry', afterMs: 120_000 });
    expect(
      wpFailure(
        {
          kind: 'unreadable',
          status: 429,
          problem: p,
          reply: reply(429, { 'retry-after': 'Sun, 01 Mar 2026 00:01:00 GMT' }),
        },
        false,
        NOW,
      ),
    ).toMatchObject({ kind: 'retry', afterMs: 60_000 });
    expect(
      wpFailure({ kind: 'unreadable', status: 503, problem: p, reply: null }, false, NOW),
    ).toMatchObject({
      kind: 'retry',
      afterMs: 300_000,
    });
  });

  it('an unreadable 4xx (a wrong address) → failed, advising to check the site address', () => {
    const outcome = wpFailure(
      { kind: 'unreadable', status: 404, problem: p, reply: reply(404) },
      true,
      NOW,
    );
    expect(outcome).toMatchObject({ kind: 'failed', reauthorize: false });
    expect(outcome.problem.message.en).toBe(
      'It failed. Check the site address in the channel account; if it is right, try again later or ask the site’s administrator.',
    );
  });

  it('WordPress errors: credentials → reauthorise; refusals → failed; server and rate limits → retry', () => {
    expect(wpFailure(wpError('rest_not_logged_in', 401), true, NOW)).toMatchObject({
      kind: 'failed',
      reauthorize: true,
    });
    expect(wpFailure(wpError('rest_invalid_param', 400), false, NOW)).toMatchObject({
      kind: 'failed',
      reauthorize: false,
    });
    expect(wpFailure(wpError('rest_cannot_publish', 403), false, NOW)).toMatchObject({
      kind: 'failed',
      reauthorize: false,
    });
    expect(wpFailure(wpError('db_insert_error', 500), false, NOW)).toMatchObject({
      kind: 'retry',
      afterMs: 300_000,
    });
    expect(wpFailure(wpError('busy', 503, { 'retry-after': '7' }), false, NOW)).toMatchObject({
      kind: 'retry',
      afterMs: 7_000,
    });
    expect(wpFailure(wpError('limited', 429), false, NOW).kind).toBe('retry');
    expect(wpFailure(wpError('rest_upload_sideload_error', 500), true, NOW).kind).toBe('failed');
  });

  it('setup problems fail as they say', () => {
    expect(wpFailure({ kind: 'setup', problem: p, reauthorize: true }, true, NOW)).toEqual({
      kind: 'failed',
      problem: p,
      reauthorize: true,
    });
  });
});
