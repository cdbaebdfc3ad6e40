import type { z } from 'zod';
import { assertNever } from '../../../shared/assertNever.ts';
import type { CallFailure } from '../adapter.ts';
import { parseJsonReply, retryAfterMs, type HttpBody, type HttpReply } from '../channelHttp.ts';
import { problem, type ChannelProblem } from '../channelProblem.ts';
import { WechatEnvelopeSchema } from './wechatApi.ts';
import type { WechatContext } from './wechatContext.ts';
import {
  WECHAT_BUSY_RETRY_MS,
  WECHAT_TOO_FREQUENT_RETRY_MS,
  wechatErrorAction,
  wechatErrorKind,
  wechatErrorProblem,
  type WechatErrorKind,
} from './wechatErrors.ts';

export type { CallFailure } from '../adapter.ts';

/**
 * What one WeChat call came to:
 * - ok: errcode 0 (or none) and the reply has the call's shape;
 * - refused: WeChat answered with an errcode: it did not do what was asked;
 * - no-answer: no readable answer. `done: 'no'` when the request surely had no effect
 *   (never sent; 429 / 503, which servers answer without handling; a token that could not be
 *   obtained, so the call itself was never sent); `'maybe'` otherwise.
 * `failure` is the default outcome; callers read `errcode` first where its meaning depends on
 * the call (40007 on submit, 53600 on delete).
 */
export type WechatCallResult<T> =
  | { kind: 'ok'; value: T }
  | {
      kind: 'refused';
      errcode: number;
      errmsg: string;
      errorKind: WechatErrorKind;
      failure: CallFailure;
    }
  | { kind: 'no-answer'; done: 'no' | 'maybe'; failure: CallFailure };

export type WechatFailure = Exclude<WechatCallResult<unknown>, { kind: 'ok' }>;

export interface WechatRequest<S extends z.ZodType> {
  /** The API path under apiBase, e.g. '/cgi-bin/draft/add'. */
  path: string;
  method?: 'GET' | 'POST';
  query?: Readonly<Record<string, string>>;
  body?: HttpBody;
  schema: S;
  /** Whether sending it again can do no harm (reads, uploadimg, delete, token). */
  repeatable: boolean;
  timeoutMs?: number;
  /** Read errcodes from this call as this kind instead (40001 from the token endpoint). */
  kindOf?: (errcode: number) => WechatErrorKind;
}

/** Wait before sending again after `not-sent` (the network or the server was unreachable). */
export const NOT_SENT_RETRY_MS = 60_000;
/** Wait before repeating a repeatable call whose reply was lost. */
export const LOST_RETRY_MS = 30_000;

/** Sends one request (with `accessToken` in the query when given) and reads its answer. */
export async function sendWechat<S extends z.ZodType>(
  ctx: WechatContext,
  request: WechatRequest<S>,
  accessToken?: string,
): Promise<WechatCallResult<z.output<S>>> {
  const query =
    accessToken === undefined ? request.query : { ...request.query, access_token: accessToken };
  const result = await ctx.http({
    method: request.method ?? 'POST',
    url: ctx.endpoint(request.path, query),
    body: request.body,
    timeoutMs: request.timeoutMs,
  });
  const repeatable = request.repeatable;
  switch (result.kind) {
    case 'not-sent':
      return {
        kind: 'no-answer',
        done: 'no',
        failure: {
          kind: 'retry',
          afterMs: NOT_SENT_RETRY_MS,
          problem: advise(result.problem, 'retry'),
        },
      };
    case 'lost':
      return {
        kind: 'no-answer',
        done: 'maybe',
        failure: ambiguous(result.problem, repeatable, LOST_RETRY_MS),
      };
    case 'reply':
      return readReply(ctx, request, result.reply);
    default:
      return assertNever(result, 'HTTP result');
  }
}

function readReply<S extends z.ZodType>(
  ctx: WechatContext,
  request: WechatRequest<S>,
  reply: HttpReply,
): WechatCallResult<z.output<S>> {
  const after = retryAfterMs(reply, ctx.clock.now());
  if (reply.status < 200 || reply.status >= 300) return httpError(reply, request.repeatable, after);
  const envelope = parseJsonReply('wechat', reply, WechatEnvelopeSchema);
  if (!envelope.ok) {
    return {
      kind: 'no-answer',
      done: 'maybe',
      failure: ambiguous(envelope.problem, request.repeatable, after ?? LOST_RETRY_MS),
    };
  }
  const errcode = envelope.value.errcode ?? 0;
  if (errcode !== 0) {
    const errmsg = envelope.value.errmsg ?? '';
    const errorKind = (request.kindOf ?? wechatErrorKind)(errcode);
    return {
      kind: 'refused',
      errcode,
      errmsg,
      errorKind,
      failure: refusal(errcode, errmsg, errorKind, after),
    };
  }
  const parsed = parseJsonReply('wechat', reply, request.schema);
  if (!parsed.ok) {
    return {
      kind: 'no-answer',
      done: 'maybe',
      failure: ambiguous(parsed.problem, request.repeatable, after ?? LOST_RETRY_MS),
    };
  }
  return { kind: 'ok', value: parsed.value };
}

/** The outcome of a refusal, from its kind alone. */
export function refusal(
  errcode: number,
  errmsg: string,
  errorKind: WechatErrorKind,
  retryAfter?: number,
): CallFailure {
  const shown = wechatErrorProblem(errcode, errmsg, errorKind);
  const action = wechatErrorAction(errorKind);
  switch (action) {
    case 'retry':
      return {
        kind: 'retry',
        afterMs:
          retryAfter ??
          (errorKind === 'too-frequent' ? WECHAT_TOO_FREQUENT_RETRY_MS : WECHAT_BUSY_RETRY_MS),
        problem: shown,
      };
    case 'reauthorize':
      return { kind: 'failed', problem: shown, reauthorize: true };
    case 'failed':
      return { kind: 'failed', problem: shown, reauthorize: false };
    default:
      return assertNever(action, 'WeChat error action');
  }
}

/**
 * WeChat answers every API call with HTTP 200, so another status came from something in
 * between (a proxy, a gateway) or from a wrong address. 429 and 503 are answered without
 * handling the request: later. Another 5xx may have been answered after WeChat handled it:
 * for a call that is not repeatable, unknown. 3xx and 4xx: the address is wrong.
 */
function httpError(
  reply: HttpReply,
  repeatable: boolean,
  after: number | undefined,
): WechatFailure {
  const body = reply.body.toString('utf8').replace(/\s+/g, ' ').trim().slice(0, 200);
  const said = `HTTP ${reply.status}${body === '' ? '' : ` ${body}`}`;
  if (reply.status === 429 || reply.status === 503) {
    return {
      kind: 'no-answer',
      done: 'no',
      failure: {
        kind: 'retry',
        afterMs: after ?? WECHAT_BUSY_RETRY_MS,
        problem: problem(
          'wechat',
          `http.${reply.status}`,
          `微信服务器暂时不接受请求（HTTP ${reply.status}），没有处理这次请求；PressDesk 会稍后自动重试，无需处理。`,
          `WeChat's servers are not taking requests for now (HTTP ${reply.status}) and did not handle this one; PressDesk will try again later by itself.`,
          said,
        ),
      },
    };
  }
  if (reply.status >= 500) {
    const page = /html/i.test(reply.headers['content-type'] ?? '') || body.startsWith('<');
    const shown = page
      ? problem(
          'wechat',
          `http.${reply.status}`,
          `微信服务器或途中的代理返回了错误页面（HTTP ${reply.status}），而不是接口数据。`,
          `WeChat's server, or a proxy on the way, answered with an error page (HTTP ${reply.status}) instead of API data.`,
          said,
        )
      : problem(
          'wechat',
          `http.${reply.status}`,
          `微信服务器出错（HTTP ${reply.status}）。`,
          `WeChat's server failed (HTTP ${reply.status}).`,
          said,
        );
    return {
      kind: 'no-answer',
      done: 'maybe',
      failure: ambiguous(shown, repeatable, after ?? WECHAT_BUSY_RETRY_MS),
    };
  }
  return {
    kind: 'no-answer',
    done: 'maybe',
    failure: {
      kind: 'failed',
      reauthorize: false,
      problem: problem(
        'wechat',
        `http.${reply.status}`,
        `微信接口地址没有按预期答复（HTTP ${reply.status}）。请检查“渠道账号”中的接口地址（通常是 https://api.weixin.qq.com），然后再试。`,
        `The WeChat API address did not answer as expected (HTTP ${reply.status}). Check the API address under Channel accounts (normally https://api.weixin.qq.com), then try again.`,
        said,
      ),
    },
  };
}

/** A call that may have reached WeChat: repeat it if that is harmless, else unknown. */
function ambiguous(shown: ChannelProblem, repeatable: boolean, afterMs: number): CallFailure {
  return repeatable
    ? { kind: 'retry', afterMs, problem: advise(shown, 'retry') }
    : { kind: 'unknown', problem: advise(shown, 'unknown') };
}

const ADVICE = {
  retry: ['PressDesk 会稍后自动重试。', 'PressDesk will try again later by itself.'],
  unknown: [
    '不确定微信是否已经收到：PressDesk 会先核对公众号的草稿和发表记录，再决定是否重新提交；在此之前请不要在公众号后台手动发表这篇文章。',
    'It is not certain whether WeChat received it: PressDesk checks the account’s drafts and published articles before submitting again; do not publish the article by hand in the Official Account platform meanwhile.',
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
