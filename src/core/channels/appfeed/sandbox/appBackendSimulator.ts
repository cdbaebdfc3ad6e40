import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { SandboxChannel } from '../../sandbox/sandboxChannel.ts';
import {
  startSimulator,
  type SimReply,
  type SimRequest,
  type SimulatorHandler,
} from '../../sandbox/simulatorServer.ts';
import { MEDIA_DIR, MEDIA_NAME } from '../feedMedia.ts';
import { FEED_FILE_NAME, FEED_MIME_TYPE } from '../jsonFeedDocument.ts';
import { SECRET_PREFIX, verify, type VerifyResult } from '../standardWebhooks.ts';

/** An event the backend verified and took in (each webhook-id once). */
export interface AcceptedEvent {
  /** webhook-id */
  id: string;
  /** webhook-timestamp of the attempt that was accepted. */
  timestamp: number;
  type: string;
  /** The raw body, as signed. */
  body: string;
  payload: WebhookPayload;
  receivedAt: string;
}

/** One POST to /webhooks and what the backend answered. */
export interface DeliveryRecord {
  id: string | undefined;
  status: number;
  /** accepted | duplicate | gone | busy | missing-headers | bad-timestamp | too-old | ... */
  outcome: string;
}

/** How the backend answers webhooks until told otherwise. */
export type BackendRefusal =
  /** The endpoint is gone: 410 to every event until `accept()`. */
  | { status: 410 }
  /** Overloaded: this status with Retry-After for the next `times` events (default 1). */
  | { status: 429 | 502 | 503 | 504; retryAfterSeconds?: number; times?: number };

/** The app backend's state, for tests and the sandbox's "what did the channel get" view. */
export interface AppBackend {
  /** The folder served at / (feed.json and media/). */
  readonly feedDir: string;
  /** Accepted events, oldest first; a repeated webhook-id is answered 200 but not added. */
  events(): readonly AcceptedEvent[];
  /** Every webhook POST, oldest first (at most the last 1,000). */
  deliveries(): readonly DeliveryRecord[];
  /** The secrets the receiver verifies with (the current one first). */
  secrets(): readonly string[];
  /** Replaces the receiver's secrets (a rotation keeps the old one beside the new). */
  setSecrets(secrets: readonly string[]): void;
  refuse(refusal: BackendRefusal): void;
  /** Back to normal: verify and accept. */
  accept(): void;
}

export interface AppfeedSandbox extends SandboxChannel<'appfeed'> {
  readonly backend: AppBackend;
}

/** A Standard Webhooks payload as the backend requires it. */
const WebhookPayloadSchema = z.object({
  type: z.string().regex(/^[a-zA-Z0-9_]+(\.[a-zA-Z0-9_]+)*$/),
  timestamp: z.iso.datetime({ offset: true }),
  data: z.record(z.string(), z.unknown()),
});
type WebhookPayload = z.infer<typeof WebhookPayloadSchema>;

const MAX_REMEMBERED_IDS = 10_000;
const MAX_DELIVERIES = 1_000;
const MEDIA_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

/** A fresh `whsec_` secret with a 32-byte key. */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/**
 * The district app's side of the channel, on 127.0.0.1: a static server of the feed folder
 * (GET /feed.json as application/feed+json, GET /media/<hash>.<ext>) and the backend's
 * webhook receiver (POST /webhooks), which verifies like a Standard Webhooks receiver:
 * headers present (else 400), timestamp within 5 minutes of its clock (else 400), a `v1`
 * signature under one of its secrets (else 401), a JSON payload {type, timestamp, data}
 * (else 400); it dedupes on webhook-id and keeps the events it accepted. `expireTokens`
 * (the expire-token fault) replaces its secret, as when the app team rotates it.
 */
export async function startAppfeedSandbox(
  options: { feedDir?: string; now?: () => Date; secret?: string } = {},
): Promise<AppfeedSandbox> {
  const now = options.now ?? (() => new Date());
  const madeDir = options.feedDir === undefined;
  const feedDir = options.feedDir ?? (await mkdtemp(join(tmpdir(), 'pressdesk-appfeed-')));
  const accountSecret = options.secret ?? newWebhookSecret();

  let secrets: string[] = [accountSecret];
  let refusal: (BackendRefusal & { left: number }) | undefined;
  const accepted: AcceptedEvent[] = [];
  const seen = new Set<string>();
  const deliveries: DeliveryRecord[] = [];

  const backend: AppBackend = {
    feedDir,
    events: () => accepted.slice(),
    deliveries: () => deliveries.slice(),
    secrets: () => secrets.slice(),
    setSecrets: (next) => {
      secrets = [...next];
    },
    refuse: (next) => {
      refusal = { ...next, left: next.status === 410 ? Infinity : (next.times ?? 1) };
    },
    accept: () => {
      refusal = undefined;
    },
  };

  const record = (id: string | undefined, status: number, outcome: string): void => {
    deliveries.push({ id, status, outcome });
    if (deliveries.length > MAX_DELIVERIES)
      deliveries.splice(0, deliveries.length - MAX_DELIVERIES);
  };

  function receive(request: SimRequest): { reply: SimReply; note: string } {
    const id = header(request, 'webhook-id');
    if (refusal !== undefined && refusal.left > 0) {
      const current = refusal;
      current.left--;
      if (current.left <= 0 && current.status !== 410) refusal = undefined;
      record(id, current.status, current.status === 410 ? 'gone' : 'busy');
      if (current.status === 410) {
        return {
          reply: {
            status: 410,
            json: {
              error: 'endpoint_disabled',
              message: 'This endpoint no longer accepts webhooks.',
            },
          },
          note: 'webhook refused: endpoint gone',
        };
      }
      return {
        reply: {
          status: current.status,
          headers:
            'retryAfterSeconds' in current && current.retryAfterSeconds !== undefined
              ? { 'retry-after': String(current.retryAfterSeconds) }
              : {},
          json: { error: 'busy', message: 'Try again later.' },
        },
        note: `webhook refused: busy (${current.status})`,
      };
    }

    const checked: VerifyResult = verify(
      secrets,
      {
        id,
        timestamp: header(request, 'webhook-timestamp'),
        signature: header(request, 'webhook-signature'),
      },
      request.body,
      now(),
    );
    if (!checked.ok) {
      const status = checked.reason === 'bad-signature' ? 401 : 400;
      record(id, status, checked.reason);
      return {
        reply: {
          status,
          json: { error: checked.reason.replace(/-/g, '_'), message: REFUSALS[checked.reason] },
        },
        note: `webhook refused: ${checked.reason}`,
      };
    }
    if (seen.has(checked.id)) {
      record(checked.id, 200, 'duplicate');
      return {
        reply: { status: 200, json: { status: 'duplicate' } },
        note: `duplicate ${checked.id} ignored`,
      };
    }
    const payload = parsePayload(request.body);
    if (payload === undefined) {
      record(checked.id, 400, 'invalid-payload');
      return {
        reply: {
          status: 400,
          json: {
            error: 'invalid_payload',
            message: 'The body must be JSON {type, timestamp, data}.',
          },
        },
        note: 'webhook refused: invalid payload',
      };
    }
    seen.add(checked.id);
    if (seen.size > MAX_REMEMBERED_IDS) {
      const oldest = seen.values().next().value;
      if (oldest !== undefined) seen.delete(oldest);
    }
    accepted.push({
      id: checked.id,
      timestamp: checked.timestamp,
      type: payload.type,
      body: request.body.toString('utf8'),
      payload,
      receivedAt: now().toISOString(),
    });
    record(checked.id, 200, 'accepted');
    return {
      reply: { status: 200, json: { status: 'accepted' } },
      note: `${payload.type} ${checked.id} accepted`,
    };
  }

  async function serveFile(path: string, type: string): Promise<{ reply: SimReply; note: string }> {
    try {
      const body = await readFile(path);
      return {
        reply: { status: 200, headers: { 'content-type': type }, body },
        note: `served ${path}`,
      };
    } catch {
      return { reply: { status: 404, json: { error: 'not_found' } }, note: `not found: ${path}` };
    }
  }

  const handler: SimulatorHandler = {
    handle: async (request) => {
      const path = request.url.pathname;
      if (path === '/webhooks') {
        if (request.method !== 'POST') {
          return {
            reply: {
              status: 405,
              headers: { allow: 'POST' },
              json: { error: 'method_not_allowed' },
            },
          };
        }
        return receive(request);
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return {
          reply: { status: 405, headers: { allow: 'GET' }, json: { error: 'method_not_allowed' } },
        };
      }
      if (path === `/${FEED_FILE_NAME}`) {
        return serveFile(join(feedDir, FEED_FILE_NAME), `${FEED_MIME_TYPE}; charset=utf-8`);
      }
      const media = new RegExp(`^/${MEDIA_DIR}/([^/]+)$`).exec(path)?.[1];
      if (media !== undefined && MEDIA_NAME.test(media)) {
        const ext = media.slice(media.lastIndexOf('.') + 1);
        return serveFile(
          join(feedDir, MEDIA_DIR, media),
          MEDIA_TYPES[ext] ?? 'application/octet-stream',
        );
      }
      if (path === '/') {
        return {
          reply: {
            status: 200,
            headers: { 'content-type': 'text/html; charset=utf-8' },
            body: '<!doctype html><meta charset="utf-8"><title>区客户端（沙箱）</title><p>区客户端沙箱：信息流见 <a href="/feed.json">/feed.json</a>。</p>',
          },
        };
      }
      return { reply: { status: 404, json: { error: 'not_found' } } };
    },
    expireTokens: () => {
      secrets = [newWebhookSecret()];
    },
  };

  const running = await startSimulator('appfeed', handler, { now });
  return {
    ...running,
    channel: 'appfeed',
    account: {
      name: '区客户端（沙箱）',
      settings: {
        channel: 'appfeed',
        feedTitle: '区客户端（沙箱）',
        homePageUrl: `${running.url}/`,
        feedUrl: `${running.url}/${FEED_FILE_NAME}`,
        feedDir,
        webhookUrl: `${running.url}/webhooks`,
      },
      secrets: { webhookSecret: accountSecret },
    },
    backend,
    close: async () => {
      await running.close();
      if (madeDir) await rm(feedDir, { recursive: true, force: true });
    },
  };
}

const REFUSALS: Readonly<Record<Exclude<VerifyResult, { ok: true }>['reason'], string>> = {
  'missing-headers': 'Missing required headers (webhook-id, webhook-timestamp, webhook-signature).',
  'bad-timestamp': 'Invalid webhook-timestamp.',
  'too-old': 'Message timestamp too old.',
  'too-new': 'Message timestamp too new.',
  'bad-signature': 'No matching signature found.',
};

function header(request: SimRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(' ') : value;
}

function parsePayload(body: Buffer): WebhookPayload | undefined {
  try {
    const parsed = WebhookPayloadSchema.safeParse(JSON.parse(body.toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
