import type { z } from 'zod';
import type { CallFailure } from '../adapter.ts';
import {
  parseJsonReply,
  retryAfterMs,
  type ChannelHttp,
  type HttpReply,
  type HttpRequest,
} from '../channelHttp.ts';
import type { ChannelProblem } from '../channelProblem.ts';
import { WeiboErrorSchema, type WeiboError } from './weiboApi.ts';
import {
  WEIBO_BUSY_BACKOFF_MS,
  WEIBO_RATE_LIMIT_BACKOFF_MS,
  WEIBO_TOO_OFTEN_BACKOFF_MS,
  weiboErrorKind,
  weiboErrorProblem,
  type WeiboErrorKind,
} from './weiboErrors.ts';

/**
 * What one Weibo API call came to: the parsed reply, Weibo's own error (any non-2xx status
 * whose body is Weibo's error JSON), a transport result (not sent / lost), or a reply that
 * could not be read (an HTML page, malformed or truncated JSON, an unexpected shape).
 */
export type WeiboCallResult<T> =
  | { kind: 'ok'; value: T }
  | {
      kind: 'weibo-error';
      error: WeiboError;
      errorKind: WeiboErrorKind;
      problem: ChannelProblem;
      reply: HttpReply;
    }
  | { kind: 'not-sent'; problem: ChannelProblem }
  | { kind: 'lost'; problem: ChannelProblem }
  | { kind: 'unreadable'; status: number; problem: ChannelProblem; reply: HttpReply };

export type WeiboFailure = Exclude<WeiboCallResult<unknown>, { kind: 'ok' }>;

export type { CallFailure } from '../adapter.ts';

export async function weiboCall<S extends z.ZodType>(
  http: ChannelHttp,
  request: HttpRequest,
  schema: S,
): Promise<WeiboCallResult<z.output<S>>> {
  const result = await http(request);
  if (result.kind !== 'reply') return result;
  const reply = result.reply;
  if (reply.status >= 200 && reply.status < 300) {
    const parsed = parseJsonReply('weibo', reply, schema);
    return parsed.ok
      ? { kind: 'ok', value: parsed.value }
      : { kind: 'unreadable', status: reply.status, problem: parsed.problem, reply };
  }
  const error = parseJsonReply('weibo', reply, WeiboErrorSchema);
  if (!error.ok) return { kind: 'unreadable', status: reply.status, problem: error.problem, reply };
  return {
    kind: 'weibo-error',
    error: error.value,
    errorKind: weiboErrorKind(error.value.error_code),
    problem: weiboErrorProblem(error.value),
    reply,
  };
}

/** Wait before sending again after `not-sent` (the network or the server was unreachable). */
export const NOT_SENT_RETRY_MS = 60_000;
/** Wait before repeating a call that is safe to repeat after a lost reply. */
export const LOST_RETRY_MS = 30_000;

/**
 * The default outcome of a failed call. `repeatable`: the call may be sent again without risk
 * (reads, deletes); a create that may have reached Weibo is `unknown` instead of `retry`.
 * Callers handle the codes whose meaning depends on the call (duplicate, not-found,
 * not-permitted) before falling back to this.
 */
export function weiboFailure(failure: WeiboFailure, repeatable: boolean, now: Date): CallFailure {
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
    case 'unreadable': {
      const after = retryAfterMs(failure.reply, now);
      if (failure.status === 429) {
        return {
          kind: 'retry',
          afterMs: after ?? WEIBO_RATE_LIMIT_BACKOFF_MS,
          problem: advise(failure.problem, 'retry'),
        };
      }
      // A 2xx that cannot be read, or a server error: the request reached Weibo's side.
      if (failure.status < 300 || failure.status >= 500) {
        return repeatable
          ? {
              kind: 'retry',
              afterMs: after ?? WEIBO_BUSY_BACKOFF_MS,
              problem: advise(failure.problem, 'retry'),
            }
          : { kind: 'unknown', problem: advise(failure.problem, 'unknown') };
      }
      return { kind: 'failed', problem: advise(failure.problem, 'failed'), reauthorize: false };
    }
    case 'weibo-error':
      return errorOutcome(failure, repeatable, now);
    default: {
      const never: never = failure;
      throw new Error(`unhandled Weibo call result ${JSON.stringify(never)}`);
    }
  }
}

function errorOutcome(
  failure: Extract<WeiboFailure, { kind: 'weibo-error' }>,
  repeatable: boolean,
  now: Date,
): CallFailure {
  const after = retryAfterMs(failure.reply, now);
  const kind = failure.errorKind;
  switch (kind) {
    case 'rate-limit':
      return {
        kind: 'retry',
        afterMs: after ?? WEIBO_RATE_LIMIT_BACKOFF_MS,
        problem: failure.problem,
      };
    case 'too-often':
      return {
        kind: 'retry',
        afterMs: after ?? WEIBO_TOO_OFTEN_BACKOFF_MS,
        problem: failure.problem,
      };
    case 'busy':
      return { kind: 'retry', afterMs: after ?? WEIBO_BUSY_BACKOFF_MS, problem: failure.problem };
    case 'internal':
      return repeatable
        ? {
            kind: 'retry',
            afterMs: after ?? WEIBO_BUSY_BACKOFF_MS,
            problem: advise(failure.problem, 'retry'),
          }
        : { kind: 'unknown', problem: advise(failure.problem, 'unknown') };
    case 'duplicate':
      return { kind: 'unknown', problem: failure.problem };
    case 'reauthorize':
      return { kind: 'failed', problem: failure.problem, reauthorize: true };
    case 'too-long':
    case 'safe-domain':
    case 'not-permitted':
    case 'api-missing':
    case 'not-found':
    case 'bad-image':
    case 'other':
      return { kind: 'failed', problem: failure.problem, reauthorize: false };
    default: {
      const never: never = kind;
      throw new Error(`unhandled Weibo error kind ${String(never)}`);
    }
  }
}

const ADVICE = {
  retry: ['PressDesk 会稍后自动重试。', 'PressDesk will try again later by itself.'],
  unknown: [
    '不确定这条微博是否已经发出：PressDesk 会先核对账号的微博列表再决定是否重发，在此之前请不要手动再发。',
    'It is not certain whether the post went out: PressDesk checks the account’s timeline before posting again; do not post it by hand meanwhile.',
  ],
  failed: [
    '请检查渠道账号中的接口地址；如地址无误，请稍后再试或联系技术支持。',
    'Check the API address in the channel account; if it is right, try again later or ask for technical support.',
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
