import got, { RequestError } from 'got';
import type { z } from 'zod';
import type { ChannelId } from '../../shared/content/channelId.ts';
import { problem, type ChannelProblem } from './channelProblem.ts';

/** A complete HTTP reply, whatever its status: adapters read error bodies too. */
export interface HttpReply {
  status: number;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
  body: Buffer;
}

/**
 * What one request came to. `not-sent`: it never reached the channel (refused, no route,
 * DNS, connect timeout): safe to send again. `lost`: it may have reached the channel and no
 * complete reply came back (timeout while waiting, reset, truncated body): for a call that is
 * not safe to repeat, the outcome is unknown.
 */
export type HttpResult =
  | { kind: 'reply'; reply: HttpReply }
  | { kind: 'not-sent'; problem: ChannelProblem }
  | { kind: 'lost'; problem: ChannelProblem };

export type HttpBody =
  | { type: 'json'; value: unknown }
  | { type: 'form'; value: Record<string, string> }
  | { type: 'multipart'; value: FormData }
  | { type: 'raw'; value: Buffer; contentType: string; headers?: Record<string, string> };

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string | URL;
  headers?: Record<string, string> | undefined;
  body?: HttpBody | undefined;
  /** Whole-request limit in ms (default 30 s; uploads pass more). */
  timeoutMs?: number | undefined;
  /** Follow redirects (GET only: discovery of a site's API root). Default false. */
  followRedirects?: boolean | undefined;
}

/** The one way adapters talk HTTP; injectable so tests can count or break requests. */
export type ChannelHttp = (request: HttpRequest) => Promise<HttpResult>;

const CONNECT_TIMEOUT_MS = 10_000;
const DEFAULT_TIMEOUT_MS = 30_000;
/** Replies larger than this are refused: no channel API answers with more. */
const MAX_REPLY_BYTES = 16 * 1024 * 1024;

/** Errors that prove nothing was sent: the connection was never made. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);
const NOT_SENT_TIMEOUT_EVENTS = new Set(['lookup', 'connect', 'secureConnect', 'socket']);

/**
 * Builds the HTTP client of one channel over got: timeouts always set, got's own retries off
 * (the outbox owns retries, and knows which calls are safe to repeat), errors as results.
 */
export function channelHttp(channel: ChannelId, userAgent = 'PressDesk'): ChannelHttp {
  return async (request) => {
    const body = request.body;
    try {
      const response = await got(request.url, {
        method: request.method,
        headers: {
          'user-agent': userAgent,
          ...(body?.type === 'raw' ? { 'content-type': body.contentType, ...body.headers } : {}),
          ...request.headers,
        },
        ...(body?.type === 'json' ? { json: body.value } : {}),
        ...(body?.type === 'form' ? { form: body.value } : {}),
        ...(body?.type === 'multipart' ? { body: body.value } : {}),
        ...(body?.type === 'raw' ? { body: body.value } : {}),
        timeout: { connect: CONNECT_TIMEOUT_MS, request: request.timeoutMs ?? DEFAULT_TIMEOUT_MS },
        retry: { limit: 0 },
        throwHttpErrors: false,
        followRedirect: request.method === 'GET' && request.followRedirects === true,
        responseType: 'buffer',
        cache: false,
      });
      if (response.body.length > MAX_REPLY_BYTES) {
        return {
          kind: 'lost',
          problem: problem(
            channel,
            'reply.too-large',
            '渠道返回的内容过大，无法读取。',
            'The channel sent a reply too large to read.',
          ),
        };
      }
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
      }
      return {
        kind: 'reply',
        reply: { status: response.statusCode, headers, body: Buffer.from(response.body) },
      };
    } catch (error) {
      return transportFailure(channel, error);
    }
  };
}

function transportFailure(channel: ChannelId, error: unknown): HttpResult {
  const code = error instanceof RequestError ? error.code : undefined;
  const event =
    error instanceof RequestError && 'event' in error && typeof error.event === 'string'
      ? error.event
      : undefined;
  const detail = error instanceof Error ? error.message : String(error);
  if (code !== undefined && NOT_SENT_CODES.has(code)) {
    return {
      kind: 'not-sent',
      problem: problem(
        channel,
        'http.unreachable',
        '无法连接到渠道服务器（网络不通或地址有误），内容没有发出。请检查网络和账号中的地址。',
        'Could not connect to the channel (no network, or a wrong address); nothing was sent. Check the network and the address in the account.',
        detail,
      ),
    };
  }
  if (code === 'ETIMEDOUT' && event !== undefined && NOT_SENT_TIMEOUT_EVENTS.has(event)) {
    return {
      kind: 'not-sent',
      problem: problem(
        channel,
        'http.connect-timeout',
        '连接渠道服务器超时，内容没有发出。',
        'Connecting to the channel timed out; nothing was sent.',
        detail,
      ),
    };
  }
  if (code === 'ETIMEDOUT') {
    return {
      kind: 'lost',
      problem: problem(
        channel,
        'http.timeout',
        '请求已发出，但渠道没有及时答复：不确定是否已经送达。',
        'The request was sent but the channel did not answer in time: it may or may not have arrived.',
        detail,
      ),
    };
  }
  return {
    kind: 'lost',
    problem: problem(
      channel,
      'http.connection-lost',
      '与渠道的连接中断，没有收到完整答复：不确定是否已经送达。',
      'The connection to the channel broke before a complete reply: the request may or may not have arrived.',
      detail,
    ),
  };
}

/** The reply's body parsed as JSON and checked against the schema, or why it could not be. */
export type ParsedReply<T> = { ok: true; value: T } | { ok: false; problem: ChannelProblem };

/**
 * Reads a channel's JSON reply. An HTML page (a proxy's or the server's error page), a
 * truncated or malformed body, or JSON of another shape becomes a problem naming what came
 * back; nothing here throws.
 */
export function parseJsonReply<S extends z.ZodType>(
  channel: ChannelId,
  reply: HttpReply,
  schema: S,
): ParsedReply<z.output<S>> {
  const text = reply.body.toString('utf8');
  const type = reply.headers['content-type'] ?? '';
  if (/html/i.test(type) || /^\s*</.test(text)) {
    return {
      ok: false,
      problem: problem(
        channel,
        'reply.html',
        `渠道返回了网页而不是接口数据（HTTP ${reply.status}），可能是地址有误或服务器出错。`,
        `The channel answered with a web page instead of API data (HTTP ${reply.status}); the address may be wrong or the server failing.`,
        snippet(text),
      ),
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      ok: false,
      problem: problem(
        channel,
        'reply.malformed',
        `渠道的答复不完整或无法解析（HTTP ${reply.status}）。`,
        `The channel's reply was incomplete or unreadable (HTTP ${reply.status}).`,
        snippet(text),
      ),
    };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problem: problem(
        channel,
        'reply.unexpected',
        `渠道的答复格式与预期不符（HTTP ${reply.status}）。`,
        `The channel's reply did not have the expected shape (HTTP ${reply.status}).`,
        `${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? ''} — ${snippet(text)}`,
      ),
    };
  }
  return { ok: true, value: parsed.data };
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

/** Retry-After (seconds or an HTTP date) in ms from `now`, when the channel sent one. */
export function retryAfterMs(reply: HttpReply, now: Date): number | undefined {
  const value = reply.headers['retry-after'];
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
