import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Message } from '../../../shared/content/finding.ts';
import { problem, type ChannelProblem } from '../channelProblem.ts';
import { parseJsonReply, retryAfterMs, type ChannelHttp, type HttpReply } from '../channelHttp.ts';
import { sign } from './standardWebhooks.ts';

/** The events the app backend receives. `ping` is the connection test's. */
export type WebhookEventType =
  'release.published' | 'release.updated' | 'release.retracted' | 'ping';

/** A Standard Webhooks payload: the event type, when the event happened, and its data. */
export interface WebhookEvent {
  type: WebhookEventType;
  /** RFC 3339: when the event happened (not when this attempt was made). */
  timestamp: string;
  data: Record<string, string | null>;
}

/** The spec recommends 15 to 30 s for a receiver to answer. */
export const WEBHOOK_TIMEOUT_MS = 20_000;
/** When the backend says "later" without a Retry-After, or the reply was lost. */
export const DEFAULT_RETRY_MS = 60_000;

/**
 * The webhook-id of one event: the same for every attempt at that event (so the receiver's
 * dedupe makes a repeat harmless) and different for any other event. Derived from the event
 * type and what identifies the event (the publication key, the change's moment); hex only,
 * so it never contains the "." that separates the signed parts.
 */
export function webhookIdFor(type: WebhookEventType, ...parts: readonly string[]): string {
  const hash = createHash('sha256')
    .update([type, ...parts].join('\n'), 'utf8')
    .digest('hex');
  return `msg_${hash.slice(0, 32)}`;
}

export type Delivery =
  | { kind: 'delivered'; status: number }
  | { kind: 'retry'; afterMs: number; problem: ChannelProblem }
  /** `gone`: the backend answered 410 and wants no more events at this address. */
  | { kind: 'failed'; problem: ChannelProblem; reauthorize: boolean; gone: boolean };

export interface WebhookRequest {
  http: ChannelHttp;
  url: string;
  /** A `whsec_` secret already checked with parseWebhookSecret. */
  secret: string;
  id: string;
  event: WebhookEvent;
  /** The attempt's moment: webhook-timestamp. */
  now: Date;
  /**
   * A sentence on what is already done whatever the webhook's fate (e.g. "the feed was
   * written"), added to every problem so the person knows what stands.
   */
  done?: Message | undefined;
}

/** The receiver's error body, when it sends JSON; Standard Webhooks does not define one. */
const ReceiverErrorSchema = z.looseObject({
  error: z.unknown().optional(),
  message: z.unknown().optional(),
  detail: z.unknown().optional(),
});

/**
 * Sends one signed event (POST, JSON body, webhook-id / webhook-timestamp / webhook-signature)
 * and reads the answer by its status, as Standard Webhooks defines delivery: 2xx delivered;
 * 410 gone (stop); 408, 429, 5xx later (Retry-After honoured); 401/403 the signature was
 * refused (the secret differs); 3xx and other 4xx failed. The body of a 2xx is not read (the
 * spec gives it no meaning). A lost reply is a retry: the event is safe to repeat because the
 * receiver dedupes on webhook-id. Never throws for what the network or the receiver does.
 */
export async function deliverWebhook(request: WebhookRequest): Promise<Delivery> {
  const body = Buffer.from(JSON.stringify(request.event), 'utf8');
  const timestamp = Math.floor(request.now.getTime() / 1000);
  const result = await request.http({
    method: 'POST',
    url: request.url,
    body: {
      type: 'raw',
      value: body,
      contentType: 'application/json',
      headers: {
        'webhook-id': request.id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': sign(request.secret, request.id, timestamp, body),
      },
    },
    timeoutMs: WEBHOOK_TIMEOUT_MS,
  });
  const done = request.done;
  const withDone = (p: ChannelProblem): ChannelProblem =>
    done === undefined
      ? p
      : { ...p, message: { zh: `${p.message.zh}${done.zh}`, en: `${p.message.en} ${done.en}` } };

  switch (result.kind) {
    case 'not-sent':
      return { kind: 'retry', afterMs: DEFAULT_RETRY_MS, problem: withDone(result.problem) };
    case 'lost':
      return {
        kind: 'retry',
        afterMs: DEFAULT_RETRY_MS,
        problem: withDone(
          problem(
            'appfeed',
            'appfeed.webhook-lost',
            '通知已发给区客户端后台，但没有收到答复，不确定是否送达。稍后会用同一编号重发，后台会忽略重复的通知。',
            'The notification was sent to the district app backend but no answer came back, so it may or may not have arrived. It will be sent again with the same id; the backend ignores repeats.',
            result.problem.channelSaid ?? result.problem.code,
          ),
        ),
      };
    case 'reply':
      break;
    default: {
      const never: never = result;
      throw new Error(`unknown HTTP result ${JSON.stringify(never)}`);
    }
  }

  const reply = result.reply;
  const status = reply.status;
  if (status >= 200 && status < 300) return { kind: 'delivered', status };
  const said = receiverSaid(reply);
  if (status === 410) {
    return {
      kind: 'failed',
      gone: true,
      reauthorize: false,
      problem: withDone(
        problem(
          'appfeed',
          'appfeed.webhook-gone',
          '区客户端后台表示这个通知地址已停用（HTTP 410），不再接收通知。请向客户端运维人员确认新的地址，并在账号设置中改正 Webhook 地址。',
          'The district app backend says this notification address is no longer in use (HTTP 410) and takes no more events. Ask the app team for the current address and correct the webhook address in the account settings.',
          said,
        ),
      ),
    };
  }
  if (status === 408 || status === 429 || status >= 500) {
    const afterMs = retryAfterMs(reply, request.now) ?? DEFAULT_RETRY_MS;
    return {
      kind: 'retry',
      afterMs,
      problem: withDone(
        problem(
          'appfeed',
          status === 429 ? 'appfeed.webhook-rate-limited' : 'appfeed.webhook-unavailable',
          `区客户端后台暂时无法接收通知（HTTP ${status}），约 ${Math.ceil(afterMs / 1000)} 秒后会自动重发。`,
          `The district app backend cannot take notifications right now (HTTP ${status}); it will be sent again in about ${Math.ceil(afterMs / 1000)} s.`,
          said,
        ),
      ),
    };
  }
  if (status === 401 || status === 403) {
    return {
      kind: 'failed',
      gone: false,
      reauthorize: true,
      problem: withDone(
        problem(
          'appfeed',
          'appfeed.webhook-signature-refused',
          `区客户端后台拒绝了通知的签名（HTTP ${status}）：账号中的 Webhook 密钥与后台的不一致（可能已更换）。请向客户端运维人员索取当前密钥（whsec_ 开头），在账号设置中更新后重试。`,
          `The district app backend refused the notification's signature (HTTP ${status}): the webhook secret in the account differs from the backend's (it may have been changed). Get the current secret (starting with whsec_) from the app team, update it in the account settings and try again.`,
          said,
        ),
      ),
    };
  }
  if (status >= 300 && status < 400) {
    return {
      kind: 'failed',
      gone: false,
      reauthorize: false,
      problem: withDone(
        problem(
          'appfeed',
          'appfeed.webhook-redirected',
          `区客户端后台把通知转到了别的地址（HTTP ${status}），通知不会跟随转发。请在账号设置中把 Webhook 地址改为最终地址${reply.headers.location ? `（${reply.headers.location}）` : ''}。`,
          `The district app backend redirected the notification (HTTP ${status}); notifications do not follow redirects. Set the webhook address in the account settings to the final address${reply.headers.location ? ` (${reply.headers.location})` : ''}.`,
          said,
        ),
      ),
    };
  }
  return {
    kind: 'failed',
    gone: false,
    reauthorize: false,
    problem: withDone(
      problem(
        'appfeed',
        `appfeed.webhook-http-${status}`,
        `区客户端后台拒绝了通知（HTTP ${status}）。请把后台的答复转给客户端运维人员，并检查账号设置中的 Webhook 地址。`,
        `The district app backend refused the notification (HTTP ${status}). Pass its answer on to the app team and check the webhook address in the account settings.`,
        said,
      ),
    ),
  };
}

/** What the receiver said, for the history: its JSON error fields, else the start of its body. */
function receiverSaid(reply: HttpReply): string {
  const parsed = parseJsonReply('appfeed', reply, ReceiverErrorSchema);
  if (parsed.ok) {
    const parts = [parsed.value.error, parsed.value.message, parsed.value.detail]
      .filter((v) => v !== undefined)
      .map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
    if (parts.length > 0) return `HTTP ${reply.status}: ${parts.join(' — ')}`;
  }
  const text = reply.body.toString('utf8').replace(/\s+/g, ' ').trim().slice(0, 200);
  return text === '' ? `HTTP ${reply.status}` : `HTTP ${reply.status}: ${text}`;
}
