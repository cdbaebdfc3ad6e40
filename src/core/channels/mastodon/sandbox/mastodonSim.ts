import { randomBytes } from 'node:crypto';
import {
  MASTODON_DEFAULT_MAX_CHARACTERS,
  mastodonLength,
} from '../../../content/render/mastodonLength.ts';
import type { SimReply, SimRequest, SimulatorHandler } from '../../sandbox/simulatorServer.ts';
import { readMastodonParams, type MastodonParams } from './mastodonParams.ts';
import { statusHtml } from './statusHtml.ts';

export interface MastodonSimOptions {
  /** The simulator's clock (default: the system's). */
  now?: () => Date;
  /** configuration.statuses.max_characters (default 500). */
  maxCharacters?: number;
  /**
   * How many GET /api/v1/media/:id polls answer 206 (processing) before 200 (default 2);
   * 0: uploads are processed at once (200 instead of 202).
   */
  processingPolls?: number;
  /** Requests per token per window before 429 (default 300 per 5 minutes). */
  rateLimit?: { limit: number; windowMs: number };
  /** configuration.media_attachments.image_size_limit (default 16 MB). */
  imageSizeLimit?: number;
  /** The sandbox account's user name. */
  username?: string;
}

export interface MastodonSimMedia {
  id: string;
  type: string;
  bytes: number;
  fileName: string;
  description: string | null;
  /** Polls still to answer 206. */
  pollsLeft: number;
  statusId: string | null;
}

export interface MastodonSimStatus {
  id: string;
  /** The source text as received (the last edit's). */
  text: string;
  visibility: string;
  language: string | null;
  mediaIds: string[];
  createdAt: Date;
  editedAt: Date | null;
  /** Texts before each edit, oldest first. */
  history: string[];
}

type Answer = { reply: SimReply; note?: string };

const HOUR_MS = 3_600_000;
const MAX_MEDIA = 4;
const MIME_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif'];
const VISIBILITIES = ['public', 'unlisted', 'private', 'direct'];
const NOT_FOUND = { error: 'Record not found' };
const INVALID_TOKEN = { error: 'The access token is invalid' };

/**
 * A Mastodon instance as the sandbox plays it (shared/channels/mastodon.md): Bearer tokens
 * (401 once invalid or expired), /api/v2/instance with its limits, media processed
 * asynchronously (202, then 206 on polls, then 200), statuses with an Idempotency-Key memory of
 * one hour, the length rule of mastodonLength, edits, deletes (a second one 404), the
 * account's statuses newest first, and a per-token rate limit with X-RateLimit-* headers.
 */
export class MastodonSim implements SimulatorHandler {
  /** Every status created and not deleted, oldest first. */
  readonly statuses: MastodonSimStatus[] = [];
  readonly media = new Map<string, MastodonSimMedia>();
  readonly accountId = '109876543210';
  readonly username: string;
  /** Statuses created with an Idempotency-Key, by key, with when. */
  private readonly idempotency = new Map<string, { statusId: string; at: number }>();
  private readonly tokens = new Map<string, { valid: boolean }>();
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly now: () => Date;
  private readonly maxCharacters: number;
  private readonly processingPolls: number;
  private readonly rateLimit: { limit: number; windowMs: number };
  private readonly imageSizeLimit: number;
  private sequence = 0;

  constructor(options: MastodonSimOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.maxCharacters = options.maxCharacters ?? MASTODON_DEFAULT_MAX_CHARACTERS;
    this.processingPolls = options.processingPolls ?? 2;
    this.rateLimit = options.rateLimit ?? { limit: 300, windowMs: 5 * 60_000 };
    this.imageSizeLimit = options.imageSizeLimit ?? 16 * 1024 * 1024;
    this.username = options.username ?? 'tongzhou';
  }

  /** Issues an access token for the sandbox account (write:statuses write:media read). */
  issueToken(): string {
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, { valid: true });
    return token;
  }

  expireTokens(): void {
    for (const token of this.tokens.values()) token.valid = false;
  }

  /**
   * A status the account posted elsewhere (the web interface, another app) at the given time.
   * For trying reconciliation against a busy account.
   */
  postedElsewhere(text: string, at: Date): MastodonSimStatus {
    const status: MastodonSimStatus = {
      id: this.newId(at),
      text,
      visibility: 'public',
      language: 'zh',
      mediaIds: [],
      createdAt: at,
      editedAt: null,
      history: [],
    };
    const before = this.statuses.findIndex((s) => s.createdAt.getTime() > at.getTime());
    this.statuses.splice(before < 0 ? this.statuses.length : before, 0, status);
    return status;
  }

  async handle(request: SimRequest): Promise<Answer> {
    const base = `http://${request.headers.host ?? '127.0.0.1'}`;
    const path = request.url.pathname;
    if (request.method === 'GET' && path === '/api/v2/instance') {
      return { reply: { status: 200, json: this.instanceJson(base) } };
    }
    const auth = this.authorise(request);
    if ('reply' in auth) return auth;
    const headers = auth.headers;
    let params: MastodonParams;
    try {
      params = await readMastodonParams(request);
    } catch {
      return answer(400, { error: 'Error while parsing the request body' }, headers);
    }
    const call = { base, params, headers };
    const statusId = /^\/api\/v1\/statuses\/(\d+)$/.exec(path)?.[1];
    const mediaId = /^\/api\/v1\/media\/(\d+)$/.exec(path)?.[1];
    const listOf = /^\/api\/v1\/accounts\/(\d+)\/statuses$/.exec(path)?.[1];
    const idempotencyKey = header(request, 'idempotency-key');
    switch (
      `${request.method} ${statusId ? ':status' : mediaId ? ':media' : listOf ? ':list' : path}`
    ) {
      case 'GET /api/v1/accounts/verify_credentials':
        return answer(200, this.accountJson(base), headers);
      case 'POST /api/v2/media':
        return this.upload(call);
      case 'GET :media':
        return this.poll(call, mediaId ?? '');
      case 'POST /api/v1/statuses':
        return this.create(call, idempotencyKey);
      case 'GET :status': {
        const status = this.find(statusId ?? '');
        return status
          ? answer(200, this.statusJson(status, base), headers)
          : answer(404, NOT_FOUND, headers);
      }
      case 'PUT :status':
        return this.edit(call, statusId ?? '');
      case 'DELETE :status':
        return this.remove(call, statusId ?? '');
      case 'GET :list':
        return this.list(call, listOf ?? '');
      default:
        return answer(404, NOT_FOUND, headers);
    }
  }

  private authorise(request: SimRequest): { headers: Record<string, string> } | Answer {
    const token = /^Bearer\s+(\S+)$/i.exec(header(request, 'authorization') ?? '')?.[1];
    if (token === undefined || !this.tokens.get(token)?.valid) {
      return { reply: { status: 401, json: INVALID_TOKEN }, note: 'token refused' };
    }
    const now = this.now().getTime();
    const { limit, windowMs } = this.rateLimit;
    let window = this.windows.get(token);
    if (!window || now >= window.start + windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(token, window);
    }
    window.count++;
    const headers = {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, limit - window.count)),
      'x-ratelimit-reset': new Date(window.start + windowMs).toISOString(),
    };
    if (window.count > limit) {
      return {
        reply: { status: 429, headers, json: { error: 'Too many requests' } },
        note: 'rate limited',
      };
    }
    return { headers };
  }

  private upload(call: Call): Answer {
    const file = call.params.file('file');
    if (!file)
      return answer(422, { error: "Validation failed: File can't be blank" }, call.headers);
    if (!MIME_TYPES.includes(file.type)) {
      return answer(
        422,
        { error: 'Validation failed: File content type is invalid, File is invalid' },
        call.headers,
      );
    }
    if (file.size > this.imageSizeLimit) {
      return answer(
        422,
        {
          error: `Validation failed: File file size must be less than ${this.imageSizeLimit} Bytes`,
        },
        call.headers,
      );
    }
    const media: MastodonSimMedia = {
      id: this.newId(this.now()),
      type: file.type,
      bytes: file.size,
      fileName: file.name,
      description: call.params.text('description') ?? null,
      pollsLeft: this.processingPolls,
      statusId: null,
    };
    this.media.set(media.id, media);
    const ready = media.pollsLeft === 0;
    return {
      reply: {
        status: ready ? 200 : 202,
        headers: call.headers,
        json: this.mediaJson(media, call.base),
      },
      note: `media ${media.id} ${ready ? 'uploaded' : 'uploaded, processing'}`,
    };
  }

  private poll(call: Call, id: string): Answer {
    const media = this.media.get(id);
    if (!media) return answer(404, NOT_FOUND, call.headers);
    if (media.pollsLeft > 0) {
      media.pollsLeft--;
      return {
        reply: { status: 206, headers: call.headers, json: this.mediaJson(media, call.base, true) },
      };
    }
    return answer(200, this.mediaJson(media, call.base), call.headers);
  }

  private create(call: Call, key: string | undefined): Answer {
    const now = this.now().getTime();
    if (key !== undefined) {
      const known = this.idempotency.get(key);
      const original = known && now - known.at < HOUR_MS ? this.find(known.statusId) : undefined;
      if (original) {
        return {
          reply: { status: 200, headers: call.headers, json: this.statusJson(original, call.base) },
          note: `status ${original.id} returned again (Idempotency-Key)`,
        };
      }
    }
    const checked = this.validate(call, null);
    if ('reply' in checked) return checked;
    const status: MastodonSimStatus = {
      id: this.newId(new Date(now)),
      text: checked.text,
      visibility: checked.visibility,
      language: call.params.text('language') ?? null,
      mediaIds: checked.media.map((m) => m.id),
      createdAt: new Date(now),
      editedAt: null,
      history: [],
    };
    for (const media of checked.media) media.statusId = status.id;
    this.statuses.push(status);
    if (key !== undefined) this.idempotency.set(key, { statusId: status.id, at: now });
    return {
      reply: { status: 200, headers: call.headers, json: this.statusJson(status, call.base) },
      note: `status ${status.id} created`,
    };
  }

  private edit(call: Call, id: string): Answer {
    const status = this.find(id);
    if (!status) return answer(404, NOT_FOUND, call.headers);
    const checked = this.validate(call, status);
    if ('reply' in checked) return checked;
    for (const attribute of call.params.list('media_attributes') ?? []) {
      if (attribute && typeof attribute === 'object' && 'id' in attribute) {
        const media = this.media.get(String(attribute.id));
        if (media && 'description' in attribute && typeof attribute.description === 'string') {
          media.description = attribute.description;
        }
      }
    }
    for (const media of this.media.values()) {
      if (media.statusId === status.id && !checked.media.includes(media)) media.statusId = null;
    }
    for (const media of checked.media) media.statusId = status.id;
    status.history.push(status.text);
    status.text = checked.text;
    status.mediaIds = checked.media.map((m) => m.id);
    status.editedAt = this.now();
    return {
      reply: { status: 200, headers: call.headers, json: this.statusJson(status, call.base) },
      note: `status ${status.id} edited`,
    };
  }

  private remove(call: Call, id: string): Answer {
    const at = this.statuses.findIndex((s) => s.id === id);
    const status = this.statuses[at];
    if (!status) return answer(404, NOT_FOUND, call.headers);
    this.statuses.splice(at, 1);
    return {
      reply: {
        status: 200,
        headers: call.headers,
        json: { ...this.statusJson(status, call.base), text: status.text },
      },
      note: `status ${status.id} deleted`,
    };
  }

  private list(call: Call, accountId: string): Answer {
    if (accountId !== this.accountId) return answer(404, NOT_FOUND, call.headers);
    const limit = Math.min(40, Math.max(1, Number(call.params.text('limit') ?? 20) || 20));
    const maxId = call.params.text('max_id');
    const newestFirst = [...this.statuses].sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
    const page = newestFirst
      .filter((s) => maxId === undefined || BigInt(s.id) < BigInt(maxId))
      .slice(0, limit);
    const headers = { ...call.headers };
    const last = page[page.length - 1];
    if (last) {
      headers['link'] =
        `<${call.base}/api/v1/accounts/${accountId}/statuses?limit=${limit}&max_id=${last.id}>; rel="next"`;
    }
    return {
      reply: { status: 200, headers, json: page.map((s) => this.statusJson(s, call.base)) },
    };
  }

  /** PostStatusService / UpdateStatusService checks, in Mastodon's order. */
  private validate(
    call: Call,
    editing: MastodonSimStatus | null,
  ): { text: string; visibility: string; media: MastodonSimMedia[] } | Answer {
    const ids = (call.params.list('media_ids') ?? []).map(String);
    if (ids.length > MAX_MEDIA) {
      return answer(422, { error: `Cannot attach more than ${MAX_MEDIA} files` }, call.headers);
    }
    // Mastodon silently leaves out ids that are not the account's unattached media.
    const media = ids
      .map((id) => this.media.get(id))
      .filter(
        (m): m is MastodonSimMedia =>
          m !== undefined && (m.statusId === null || m.statusId === editing?.id),
      );
    if (media.some((m) => m.pollsLeft > 0)) {
      return answer(
        422,
        { error: 'Cannot attach files that have not finished processing. Try again in a moment!' },
        call.headers,
      );
    }
    const text = call.params.text('status') ?? '';
    if (text.trim() === '' && media.length === 0) {
      return answer(422, { error: "Validation failed: Text can't be blank" }, call.headers);
    }
    if (mastodonLength(text) > this.maxCharacters) {
      return answer(
        422,
        { error: `Validation failed: Text character limit of ${this.maxCharacters} exceeded` },
        call.headers,
      );
    }
    const visibility = call.params.text('visibility') ?? editing?.visibility ?? 'public';
    if (!VISIBILITIES.includes(visibility)) {
      return answer(
        422,
        { error: 'Validation failed: Visibility is not included in the list' },
        call.headers,
      );
    }
    return { text, visibility, media };
  }

  private find(id: string): MastodonSimStatus | undefined {
    return this.statuses.find((s) => s.id === id);
  }

  /** Ids as Mastodon makes them (snowflakes): the time in ms, shifted 16 bits, plus a sequence. */
  private newId(at: Date): string {
    this.sequence = (this.sequence + 1) & 0xffff;
    return String((BigInt(at.getTime()) << 16n) + BigInt(this.sequence));
  }

  private instanceJson(base: string): Record<string, unknown> {
    return {
      domain: new URL(base).host,
      title: 'PressDesk Mastodon sandbox',
      version: '4.3.0',
      configuration: {
        statuses: {
          max_characters: this.maxCharacters,
          max_media_attachments: MAX_MEDIA,
          characters_reserved_per_url: 23,
        },
        media_attachments: {
          supported_mime_types: MIME_TYPES,
          image_size_limit: this.imageSizeLimit,
        },
      },
    };
  }

  private accountJson(base: string): Record<string, unknown> {
    return {
      id: this.accountId,
      username: this.username,
      acct: this.username,
      display_name: '通州发布（沙盒）',
      url: `${base}/@${this.username}`,
      statuses_count: this.statuses.length,
    };
  }

  private mediaJson(media: MastodonSimMedia, base: string, processing = media.pollsLeft > 0) {
    return {
      id: media.id,
      type: 'image',
      url: processing
        ? null
        : `${base}/system/media_attachments/${media.id}/original/${media.fileName}`,
      preview_url: `${base}/system/media_attachments/${media.id}/small/${media.fileName}`,
      remote_url: null,
      description: media.description,
      blurhash: null,
    };
  }

  private statusJson(status: MastodonSimStatus, base: string): Record<string, unknown> {
    return {
      id: status.id,
      created_at: status.createdAt.toISOString(),
      edited_at: status.editedAt?.toISOString() ?? null,
      in_reply_to_id: null,
      sensitive: false,
      spoiler_text: '',
      visibility: status.visibility,
      language: status.language,
      uri: `${base}/users/${this.username}/statuses/${status.id}`,
      url: `${base}/@${this.username}/${status.id}`,
      content: statusHtml(status.text, base),
      account: this.accountJson(base),
      media_attachments: status.mediaIds.flatMap((id) => {
        const media = this.media.get(id);
        return media ? [this.mediaJson(media, base)] : [];
      }),
      mentions: [],
      tags: [],
      emojis: [],
      reblog: null,
      poll: null,
      card: null,
      application: { name: 'PressDesk', website: null },
    };
  }
}

interface Call {
  base: string;
  params: MastodonParams;
  headers: Record<string, string>;
}

function answer(status: number, json: unknown, headers: Record<string, string>): Answer {
  return { reply: { status, headers, json }, ...(status >= 400 ? { note: `HTTP ${status}` } : {}) };
}

function header(request: SimRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
