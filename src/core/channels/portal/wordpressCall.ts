import type { z } from 'zod';
import type { CallFailure } from '../adapter.ts';
import { parseJsonReply, retryAfterMs, type HttpBody, type HttpReply } from '../channelHttp.ts';
import type { ChannelProblem } from '../channelProblem.ts';
import { NO_PASSWORD_PROBLEM, type PortalContext } from './portalContext.ts';
import { WpErrorSchema, type WpError } from './wordpressApi.ts';
import { wpErrorKind, wpErrorProblem, type WpErrorKind } from './wordpressErrors.ts';

/**
 * What one WordPress REST call came to: the parsed reply, WordPress's own error (any non-2xx
 * whose body is `{code, message, data}`), a transport result (not sent / lost), a reply that
 * could not be read (an HTML page, malformed or truncated JSON, another shape), or the
 * account's setup keeping the call from being made (no password, insecure API root).
 */
export type WpCallResult<T> =
  | { kind: 'ok'; value: T; reply: HttpReply }
  | {
      kind: 'wp-error';
      error: WpError;
      errorKind: WpErrorKind;
      problem: ChannelProblem;
      reply: HttpReply;
    }
  | { kind: 'not-sent'; problem: ChannelProblem }
  | { kind: 'lost'; problem: ChannelProblem }
  | { kind: 'unreadable'; status: number; problem: ChannelProblem; reply: HttpReply | null }
  | { kind: 'setup'; problem: ChannelProblem; reauthorize: boolean };

export type WpFailure = Exclude<WpCallResult<unknown>, { kind: 'ok' }>;

export interface WpRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** A route under the REST root, e.g. `wp/v2/posts`. */
  route: string;
  query?: Readonly<Record<string, string>> | undefined;
  body?: HttpBody | undefined;
  timeoutMs?: number | undefined;
}

/** One authenticated call to the site's REST API (the root found first, once per adapter). */
export async function wpCall<S extends z.ZodType>(
  ctx: PortalContext,
  request: WpRequest,
  schema: S,
): Promise<WpCallResult<z.output<S>>> {
  if (ctx.authorization === null) {
    return { kind: 'setup', problem: NO_PASSWORD_PROBLEM, reauthorize: true };
  }
  const root = await ctx.root();
  if (!root.ok) {
    const failure = root.failure;
    switch (failure.kind) {
      case 'not-sent':
      case 'lost':
        // Only the home page was asked: nothing of this call was sent.
        return { kind: 'not-sent', problem: failure.problem };
      case 'unavailable':
        return {
          kind: 'unreadable',
          status: failure.status,
          problem: failure.problem,
          reply: {
            status: failure.status,
            headers: { 'retry-after': failure.retryAfter },
            body: Buffer.alloc(0),
          },
        };
      case 'setup':
        return { kind: 'setup', problem: failure.problem, reauthorize: false };
      default: {
        const never: never = failure;
        throw new Error(`unhandled root failure ${JSON.stringify(never)}`);
      }
    }
  }
  const result = await ctx.http({
    method: request.method,
    url: root.root.url(request.route, request.query),
    headers: { authorization: ctx.authorization, accept: 'application/json' },
    body: request.body,
    timeoutMs: request.timeoutMs,
  });
  if (result.kind !== 'reply') return result;
  const reply = result.reply;
  if (reply.status >= 200 && reply.status < 300) {
    const parsed = parseJsonReply('portal', reply, schema);
    return parsed.ok
      ? { kind: 'ok', value: parsed.value, reply }
      : { kind: 'unreadable', status: reply.status, problem: parsed.problem, reply };
  }
  const error = parseJsonReply('portal', reply, WpErrorSchema);
  if (!error.ok) return { kind: 'unreadable', status: reply.status, problem: error.problem, reply };
  const errorKind = wpErrorKind(error.value, reply.status);
  return {
    kind: 'wp-error',
    error: error.value,
    errorKind,
    problem: wpErrorProblem(error.value, errorKind, reply.status),
    reply,
  };
}

export type { CallFailure } from '../adapter.ts';

/** Wait before sending again after `not-sent` (the network or the site was unreachable). */
export const NOT_SENT_RETRY_MS = 60_000;
/** Wait before repeating a call that is safe to repeat after a lost reply. */
export const LOST_RETRY_MS = 30_000;
/** Wait after a server error or a rate limit without Retry-After. */
export const SERVER_RETRY_MS = 5 * 60_000;

/**
 * The default outcome of a failed call. `repeatable`: the call may be sent again without risk
 * (reads, updates, deletes, and a create whose next attempt looks its slug up first); a call
 * that may have reached WordPress and is not repeatable becomes `unknown`. Callers handle the
 * kinds whose meaning depends on the call (not-found, already-trashed, term-exists) first.
 */
export function wpFailure(failure: WpFailure, repeatable: boolean, now: Date): CallFailure {
  switch (failure.kind) {
    case 'not-sent':
      return {
        kind: 'retry',
        afterMs: NOT_SENT_RETRY_MS,
        problem: advise(failure.problem, 'retry'),
      };
    case 'lost':
      return repeatable
        ? { kind: 'retry', afterMs: LOST_RETRY_MS, problem: advise(failure.problem, 'retry') }
        : { kind: 'unknown', problem: advise(failure.problem, 'unknown') };
    case 'setup':
      return { kind: 'failed', problem: failure.problem, reauthorize: failure.reauthorize };
    case 'unreadable': {
      const after = failure.reply === null ? undefined : retryAfterMs(failure.reply, now);
      if (failure.status === 429 || failure.status >= 500) {
        return {
          kind: 'retry',
          afterMs: after ?? SERVER_RETRY_MS,
          problem: advise(failure.problem, 'retry'),
        };
      }
      // A 2xx that cannot be read: the request was carried out, its result is not known.
      if (failure.status < 300) {
        return repeatable
          ? { kind: 'retry', afterMs: LOST_RETRY_MS, problem: advise(failure.problem, 'retry') }
          : { kind: 'unknown', problem: advise(failure.problem, 'unknown') };
      }
      return { kind: 'failed', problem: advise(failure.problem, 'address'), reauthorize: false };
    }
    case 'wp-error':
      return errorOutcome(failure, now);
    default: {
      const never: never = failure;
      throw new Error(`unhandled WordPress call result ${JSON.stringify(never)}`);
    }
  }
}

function errorOutcome(failure: Extract<WpFailure, { kind: 'wp-error' }>, now: Date): CallFailure {
  const after = retryAfterMs(failure.reply, now);
  const kind = failure.errorKind;
  switch (kind) {
    case 'rate-limit':
    case 'server':
      return {
        kind: 'retry',
        afterMs: after ?? SERVER_RETRY_MS,
        problem: advise(failure.problem, 'retry'),
      };
    case 'reauthorize':
      return { kind: 'failed', problem: failure.problem, reauthorize: true };
    case 'forbidden':
    case 'invalid':
    case 'upload-refused':
    case 'not-found':
    case 'no-route':
    case 'already-trashed':
    case 'trash-not-supported':
    case 'term-exists':
    case 'other':
      return { kind: 'failed', problem: failure.problem, reauthorize: false };
    default: {
      const never: never = kind;
      throw new Error(`unhandled WordPress error kind ${String(never)}`);
    }
  }
}

const ADVICE = {
  retry: ['PressDesk 会稍后自动重试。', 'PressDesk will try again later by itself.'],
  unknown: [
    '不确定文章是否已经发到门户网站：PressDesk 会先按文章的固定别名（slug）在网站上查找，再决定是否重发；在此之前请不要手动发布。',
    'It is not certain whether the post reached the portal: PressDesk looks it up on the site by its fixed slug before publishing again; do not publish it by hand meanwhile.',
  ],
  address: [
    '请检查渠道账号中的站点地址；如地址无误，请稍后再试或联系站点管理员。',
    'Check the site address in the channel account; if it is right, try again later or ask the site’s administrator.',
  ],
} as const;

/** The problem with what happens next added to both messages. */
export function advise(original: ChannelProblem, next: keyof typeof ADVICE): ChannelProblem {
  const [zh, en] = ADVICE[next];
  return {
    ...original,
    message: { zh: `${original.message.zh}${zh}`, en: `${original.message.en} ${en}` },
  };
}
