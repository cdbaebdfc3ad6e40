import type { z } from 'zod';
import type { CallFailure } from '../adapter.ts';
import {
  parseJsonReply,
  retryAfterMs,
  type ChannelHttp,
  type HttpReply,
  type HttpRequest,
} from '../channelHttp.ts';
import { problem, type ChannelProblem } from '../channelProblem.ts';
import { MastodonErrorSchema } from './mastodonApi.ts';

/**
 * What one Mastodon API call came to: the parsed 2xx reply (with its status: 200 and 202/206
 * differ for media), an error status (with Mastodon's `error` text when the body had one), a
 * transport result, or a 2xx reply that could not be read.
 */
export type MastodonCallResult<T> =
  | { kind: 'ok'; status: number; value: T }
  | { kind: 'http-error'; status: number; problem: ChannelProblem; said: string; reply: HttpReply }
  | { kind: 'not-sent'; problem: ChannelProblem }
  | { kind: 'lost'; problem: ChannelProblem }
  | { kind: 'unreadable'; status: number; problem: ChannelProblem };

export type MastodonFailure = Exclude<MastodonCallResult<unknown>, { kind: 'ok' }>;

export type { CallFailure } from '../adapter.ts';

export async function mastodonCall<S extends z.ZodType>(
  http: ChannelHttp,
  request: HttpRequest,
  schema: S,
): Promise<MastodonCallResult<z.output<S>>> {
  const result = await http(request);
  if (result.kind !== 'reply') return result;
  const reply = result.reply;
  if (reply.status >= 200 && reply.status < 300) {
    const parsed = parseJsonReply('mastodon', reply, schema);
    return parsed.ok
      ? { kind: 'ok', status: reply.status, value: parsed.value }
      : { kind: 'unreadable', status: reply.status, problem: parsed.problem };
  }
  const error = parseJsonReply('mastodon', reply, MastodonErrorSchema);
  const said = error.ok ? error.value.error : (error.problem.channelSaid ?? '');
  return {
    kind: 'http-error',
    status: reply.status,
    problem: statusProblem(reply.status, said, error.ok ? null : error.problem),
    said,
    reply,
  };
}

/** Wait before sending again after `not-sent`. */
export const NOT_SENT_RETRY_MS = 60_000;
/** Wait before repeating a call that is safe to repeat after a lost reply. */
export const LOST_RETRY_MS = 30_000;
/** Wait after a server error (5xx). */
export const SERVER_ERROR_RETRY_MS = 2 * 60_000;
/** Wait after 429 when the server names no reset time. */
export const RATE_LIMIT_RETRY_MS = 5 * 60_000;

/**
 * Whether the request may have taken effect: it was sent and no definite refusal came back
 * (a lost reply, a server error, a success that could not be read).
 */
export function mayHaveTakenEffect(failure: MastodonFailure): boolean {
  switch (failure.kind) {
    case 'not-sent':
      return false;
    case 'lost':
    case 'unreadable':
      return true;
    case 'http-error':
      return failure.status >= 500;
    default: {
      const never: never = failure;
      throw new Error(`unhandled Mastodon call result ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The default outcome of a failed call. `repeatable`: sending the same request again cannot
 * make a second copy (reads, edits, deletes, a status within its Idempotency-Key hour); when
 * it is false, whatever may have taken effect is `unknown`.
 */
export function mastodonFailure(
  failure: MastodonFailure,
  repeatable: boolean,
  now: Date,
): CallFailure {
  if (!repeatable && mayHaveTakenEffect(failure)) {
    return { kind: 'unknown', problem: advise(failure.problem, 'unknown') };
  }
  switch (failure.kind) {
    case 'not-sent':
      return {
        kind: 'retry',
        afterMs: NOT_SENT_RETRY_MS,
        problem: advise(failure.problem, 'retry'),
      };
    case 'lost':
    case 'unreadable':
      return { kind: 'retry', afterMs: LOST_RETRY_MS, problem: advise(failure.problem, 'retry') };
    case 'http-error': {
      const { status } = failure;
      if (status === 401 || status === 403) {
        return { kind: 'failed', problem: failure.problem, reauthorize: true };
      }
      if (status === 429) {
        return {
          kind: 'retry',
          afterMs: rateLimitResetMs(failure.reply, now) ?? RATE_LIMIT_RETRY_MS,
          problem: failure.problem,
        };
      }
      if (status >= 500) {
        return {
          kind: 'retry',
          afterMs: retryAfterMs(failure.reply, now) ?? SERVER_ERROR_RETRY_MS,
          problem: advise(failure.problem, 'retry'),
        };
      }
      return { kind: 'failed', problem: failure.problem, reauthorize: false };
    }
    default: {
      const never: never = failure;
      throw new Error(`unhandled Mastodon call result ${JSON.stringify(never)}`);
    }
  }
}

/**
 * When the rate limit lifts, in ms from `now`: X-RateLimit-Reset (an ISO 8601 time), else
 * Retry-After, else undefined.
 */
export function rateLimitResetMs(reply: HttpReply, now: Date): number | undefined {
  const reset = reply.headers['x-ratelimit-reset'];
  if (reset !== undefined) {
    const at = Date.parse(reset);
    if (!Number.isNaN(at)) return Math.max(0, at - now.getTime());
  }
  return retryAfterMs(reply, now);
}

function statusProblem(
  status: number,
  said: string,
  unreadable: ChannelProblem | null,
): ChannelProblem {
  const code = unreadable && status >= 500 ? unreadable.code : `mastodon.${status}`;
  const make = (zh: string, en: string) => problem('mastodon', code, zh, en, said || undefined);
  if (status === 401) {
    return make(
      'Mastodon 不再接受这个访问令牌（无效、过期或已撤销）。请在“渠道账号”中更换访问令牌，然后重新发布。',
      'Mastodon no longer accepts the access token (invalid, expired or revoked). Replace the access token under Channel accounts, then publish again.',
    );
  }
  if (status === 403) {
    return make(
      'Mastodon 拒绝了这个操作：访问令牌缺少所需权限（write:statuses、write:media），或账号受到限制。请检查账号状态并更换访问令牌。',
      'Mastodon refused the action: the access token lacks the scopes it needs (write:statuses, write:media), or the account is restricted. Check the account and replace the access token.',
    );
  }
  if (status === 404) {
    return make(
      'Mastodon 上找不到所请求的内容（可能已被删除，或实例地址有误）。',
      'Mastodon could not find what was asked for (it may have been deleted, or the instance address is wrong).',
    );
  }
  if (status === 422) {
    return make(
      `Mastodon 拒绝了内容：${said || '（没有说明）'}。请按提示修改后重新提交。`,
      `Mastodon refused the content: ${said || '(no reason given)'}. Change it as the message says and submit again.`,
    );
  }
  if (status === 429) {
    return make(
      'Mastodon 的请求次数已达上限，PressDesk 会在限额恢复后自动重试，无需处理。',
      'Mastodon’s request limit is reached; PressDesk will try again by itself when it lifts.',
    );
  }
  if (status >= 500) {
    return make(
      `Mastodon 服务器出错（HTTP ${status}）${unreadable ? '，返回了网页或无法读取的内容' : ''}。`,
      `The Mastodon server failed (HTTP ${status})${unreadable ? ', answering with a page or unreadable data' : ''}.`,
    );
  }
  return make(
    `Mastodon 拒绝了请求（HTTP ${status}）。请检查渠道账号中的实例地址，或联系技术支持。`,
    `Mastodon refused the request (HTTP ${status}). Check the instance address in the channel account, or ask for technical support.`,
  );
}

const ADVICE = {
  retry: ['PressDesk 会稍后自动重试。', 'PressDesk will try again later by itself.'],
  unknown: [
    '不确定是否已经发布：PressDesk 会先核对账号已发布的嘟文再决定是否重发，在此之前请不要手动再发。',
    'It is not certain whether it was published: PressDesk checks the account’s posts before posting again; do not post it by hand meanwhile.',
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
