import { randomBytes } from 'node:crypto';
import { URL_IN_TEXT } from '../../../content/render/urlPattern.ts';
import { WEIBO_MAX_LENGTH, weiboLength } from '../../../content/render/weiboLength.ts';
import type { SimReply, SimRequest, SimulatorHandler } from '../../sandbox/simulatorServer.ts';
import { formatWeiboDate } from '../weiboDate.ts';
import { ShortLinks } from './shortLinks.ts';
import { readWeiboParams, type WeiboParams } from './weiboParams.ts';

export interface WeiboSimOptions {
  /** The simulator's clock (default: the system's). */
  now?: () => Date;
  /** The sandbox account's Weibo user. */
  uid?: number;
  screenName?: string;
  /**
   * The app's safe domains: a status must link to one of them (or a subdomain), else 10017.
   * Default: gov.cn, 127.0.0.1 and localhost (the sandbox portal).
   */
  safeDomains?: readonly string[];
  /** Posts per minute before 20016 (default 10). */
  postsPerMinute?: number;
  /** API calls per token per clock hour before 10023 (default 1000). */
  requestsPerHour?: number;
  /** The same text again within this time is refused with 20019 (default 24 hours). */
  duplicateWindowMs?: number;
  /** Whether statuses/destroy/biz.json is open to the app (default false: 10014). */
  destroyAllowed?: boolean;
  /**
   * Lifetime of issued tokens: default 7 days, as for reviewed apps (1 day for apps not yet
   * reviewed [unverified]), so a sandbox session of the desk lasts a working week.
   */
  tokenLifetimeMs?: number;
  /** Refuse share.json without `rip` (10016), as the current doc demands (default false). */
  requireRip?: boolean;
}

/** A status as the sandbox keeps it. */
export interface WeiboSimStatus {
  id: number;
  idstr: string;
  mid: string;
  uid: number;
  /** As stored and returned: links shortened to t.cn. */
  text: string;
  /** As received. */
  sentText: string;
  createdAt: Date;
  pic: { type: string; bytes: number } | null;
  rip: string | null;
}

interface Token {
  uid: number;
  expiresAt: number;
  invalidated: boolean;
}

interface Call {
  path: string;
  params: WeiboParams;
  uid: number;
}

type Answer = { reply: SimReply; note?: string };

const MAX_PIC_BYTES = 5 * 1024 * 1024;
const HOUR_MS = 3_600_000;
const MAX_COUNT = 100;

/**
 * Sina Weibo API v2 as the sandbox plays it (shared/channels/weibo.md): errors as HTTP 400
 * (403 for authorisation [unverified]) with {request, error_code, error}; tokens that expire;
 * share.json with its length, safe-domain, image, frequency and duplicate rules; t.cn short
 * links in the stored text; the account's timeline; delete for commercial apps only (10014
 * otherwise: the code a real ordinary app gets is [unverified]).
 */
export class WeiboSim implements SimulatorHandler {
  /** Every status created and not deleted, oldest first. */
  readonly statuses: WeiboSimStatus[] = [];
  readonly links = new ShortLinks();
  readonly uid: number;
  readonly screenName: string;
  /** Open statuses/destroy/biz.json to the app (a commercial app) or not. */
  destroyAllowed: boolean;
  private readonly tokens = new Map<string, Token>();
  private readonly now: () => Date;
  private readonly safeDomains: readonly string[];
  private readonly postsPerMinute: number;
  private readonly requestsPerHour: number;
  private readonly duplicateWindowMs: number;
  private readonly tokenLifetimeMs: number;
  private readonly requireRip: boolean;
  private readonly postTimes: number[] = [];
  private readonly calls = new Map<string, { hour: number; count: number }>();
  private nextId = 4_900_000_000_000_001;

  constructor(options: WeiboSimOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.uid = options.uid ?? 7_654_321_098;
    this.screenName = options.screenName ?? '通州发布沙盒';
    this.safeDomains = options.safeDomains ?? ['gov.cn', '127.0.0.1', 'localhost'];
    this.postsPerMinute = options.postsPerMinute ?? 10;
    this.requestsPerHour = options.requestsPerHour ?? 1000;
    this.duplicateWindowMs = options.duplicateWindowMs ?? 24 * HOUR_MS;
    this.destroyAllowed = options.destroyAllowed ?? false;
    this.tokenLifetimeMs = options.tokenLifetimeMs ?? 7 * 24 * HOUR_MS;
    this.requireRip = options.requireRip ?? false;
  }

  /** Issues an access token for the sandbox user (an OAuth2 authorisation, done). */
  issueToken(lifetimeMs = this.tokenLifetimeMs): { token: string; expiresAt: Date } {
    const token = `2.00sandbox${randomBytes(12).toString('hex')}`;
    const expiresAt = this.now().getTime() + lifetimeMs;
    this.tokens.set(token, { uid: this.uid, expiresAt, invalidated: false });
    return { token, expiresAt: new Date(expiresAt) };
  }

  /**
   * A status the account posted elsewhere (the Weibo app, the web), at the given time: no
   * checks, no rate limit. For trying reconciliation against a busy timeline.
   */
  postedElsewhere(text: string, at: Date): WeiboSimStatus {
    const id = this.nextId++;
    const status: WeiboSimStatus = {
      id,
      idstr: String(id),
      mid: String(id),
      uid: this.uid,
      text: this.links.shorten(text),
      sentText: text,
      createdAt: at,
      pic: null,
      rip: null,
    };
    const before = this.statuses.findIndex((s) => s.createdAt.getTime() > at.getTime());
    this.statuses.splice(before < 0 ? this.statuses.length : before, 0, status);
    return status;
  }

  expireTokens(): void {
    for (const token of this.tokens.values()) token.invalidated = true;
  }

  async handle(request: SimRequest): Promise<Answer> {
    const path = request.url.pathname;
    const method = ROUTES[path];
    if (method === undefined) return error(path, 400, 10020, 'Request api not found!');
    if (method !== request.method) {
      return error(path, 400, 10021, 'HTTP METHOD is not suported for this request!');
    }
    let params: WeiboParams;
    try {
      params = await readWeiboParams(request);
    } catch {
      return error(path, 400, 10008, 'Param error, see doc for more info.');
    }
    const auth = this.authorise(path, params);
    if ('reply' in auth) return auth;
    const call: Call = { path, params, uid: auth.uid };
    switch (path) {
      case '/2/statuses/share.json':
        return this.share(call);
      case '/2/statuses/user_timeline.json':
        return this.timeline(call);
      case '/2/statuses/show.json':
        return this.show(call);
      case '/2/statuses/destroy/biz.json':
        return this.destroy(call);
      case '/2/account/get_uid.json':
        return { reply: { status: 200, json: { uid: call.uid } } };
      default:
        return this.userShow(call);
    }
  }

  private authorise(path: string, params: WeiboParams): { uid: number } | Answer {
    const value = params.text('access_token');
    if (value === undefined || value === '') {
      return error(path, 400, 10006, 'source paramter(appkey) is missing');
    }
    const token = this.tokens.get(value);
    if (!token) return error(path, 403, 21332, 'invalid_access_token');
    const now = this.now().getTime();
    if (token.invalidated || token.expiresAt <= now) {
      return error(path, 403, 21327, 'expired_token');
    }
    const hour = Math.floor(now / HOUR_MS);
    const calls = this.calls.get(value);
    const count = calls?.hour === hour ? calls.count + 1 : 1;
    this.calls.set(value, { hour, count });
    if (count > this.requestsPerHour) {
      return error(path, 400, 10023, 'User requests out of rate limit!');
    }
    return { uid: token.uid };
  }

  /** statuses/share.json: checks, then creates (the order of Weibo's own checks is [unverified]). */
  private async share(call: Call): Promise<Answer> {
    const { path, params, uid } = call;
    const text = params.text('status');
    if (text === undefined || text.trim() === '') {
      return error(path, 400, 10016, 'Miss required parameter (status) , see doc for more info.');
    }
    const rip = params.text('rip') ?? null;
    if (this.requireRip && rip === null) {
      return error(path, 400, 10016, 'Miss required parameter (rip) , see doc for more info.');
    }
    if (weiboLength(text) > WEIBO_MAX_LENGTH) {
      return error(path, 400, 20012, 'Text too long, please input text less than 140 characters!');
    }
    if (!this.linksSafeDomain(text)) {
      return error(
        path,
        400,
        10017,
        `Parameter (status)'s value invalid, expect (a link of the app's safe domain), but get (${text.slice(0, 40)}), see doc for more info.`,
      );
    }
    let pic: WeiboSimStatus['pic'] = null;
    const file = params.file('pic');
    if (file) {
      if (file.size >= MAX_PIC_BYTES) return error(path, 400, 20006, 'Image size too large.');
      const type = sniffImage(Buffer.from(await file.slice(0, 8).arrayBuffer()));
      if (type === null) {
        return error(path, 400, 20005, 'Unsupported image type, only suport JPG, GIF, PNG!');
      }
      pic = { type, bytes: file.size };
    }
    const now = this.now().getTime();
    while (this.postTimes.length > 0 && (this.postTimes[0] ?? now) <= now - 60_000) {
      this.postTimes.shift();
    }
    if (this.postTimes.length >= this.postsPerMinute) {
      return error(path, 400, 20016, 'Out of limit!');
    }
    const repeated = this.statuses.some(
      (s) =>
        s.uid === uid &&
        s.sentText.trim() === text.trim() &&
        s.createdAt.getTime() > now - this.duplicateWindowMs,
    );
    if (repeated) return error(path, 400, 20019, 'Repeat content!');
    this.postTimes.push(now);
    const id = this.nextId++;
    const status: WeiboSimStatus = {
      id,
      idstr: String(id),
      mid: String(id),
      uid,
      text: this.links.shorten(text),
      sentText: text,
      createdAt: new Date(now),
      pic,
      rip,
    };
    this.statuses.push(status);
    return { reply: { status: 200, json: this.statusJson(status) }, note: `status ${id} created` };
  }

  /** statuses/user_timeline.json: the caller's own statuses, newest first, count <= 100. */
  private timeline(call: Call): Answer {
    const count = Math.min(MAX_COUNT, positive(call.params.text('count')) ?? 20);
    const page = positive(call.params.text('page')) ?? 1;
    const own = this.statuses.filter((s) => s.uid === call.uid).reverse();
    const slice = own.slice((page - 1) * count, page * count);
    return {
      reply: {
        status: 200,
        json: {
          statuses: slice.map((s) => this.statusJson(s)),
          total_number: own.length,
          previous_cursor: 0,
          next_cursor: 0,
          hasvisible: false,
        },
      },
      note: `timeline page ${page}: ${slice.length} statuses`,
    };
  }

  private show(call: Call): Answer {
    const status = this.statuses.find((s) => s.idstr === call.params.text('id'));
    if (!status) return error(call.path, 400, 20101, 'Target weibo does not exist!');
    return { reply: { status: 200, json: this.statusJson(status) } };
  }

  private destroy(call: Call): Answer {
    if (!this.destroyAllowed) {
      return error(call.path, 403, 10014, 'Insufficient app permissions!');
    }
    const at = this.statuses.findIndex(
      (s) => s.idstr === call.params.text('id') && s.uid === call.uid,
    );
    const status = this.statuses[at];
    if (!status) return error(call.path, 400, 20101, 'Target weibo does not exist!');
    this.statuses.splice(at, 1);
    return {
      reply: { status: 200, json: this.statusJson(status) },
      note: `status ${status.idstr} deleted`,
    };
  }

  private userShow(call: Call): Answer {
    const uid = call.params.text('uid');
    if (uid === undefined) {
      return error(call.path, 400, 10016, 'Miss required parameter (uid) , see doc for more info.');
    }
    if (uid !== String(this.uid)) return error(call.path, 400, 20003, 'User does not exists!');
    return { reply: { status: 200, json: this.userJson() } };
  }

  private linksSafeDomain(text: string): boolean {
    for (const match of text.matchAll(URL_IN_TEXT)) {
      let host: string;
      try {
        host = new URL(match[0]).hostname;
      } catch {
        continue;
      }
      if (this.safeDomains.some((d) => host === d || host.endsWith(`.${d}`))) return true;
    }
    return false;
  }

  private statusJson(status: WeiboSimStatus): Record<string, unknown> {
    return {
      created_at: formatWeiboDate(status.createdAt),
      id: status.id,
      idstr: status.idstr,
      mid: status.mid,
      text: status.text,
      source: '<a href="http://app.weibo.com/t/feed/sandbox" rel="nofollow">PressDesk</a>',
      favorited: false,
      truncated: false,
      pic_urls: status.pic
        ? [{ thumbnail_pic: `http://wx1.sinaimg.cn/thumbnail/${status.idstr}.jpg` }]
        : [],
      user: this.userJson(),
      reposts_count: 0,
      comments_count: 0,
      attitudes_count: 0,
      visible: { type: 0, list_id: 0 },
    };
  }

  private userJson(): Record<string, unknown> {
    return {
      id: this.uid,
      idstr: String(this.uid),
      screen_name: this.screenName,
      name: this.screenName,
      verified: true,
      verified_type: 1,
    };
  }
}

const ROUTES: Readonly<Record<string, 'GET' | 'POST'>> = {
  '/2/statuses/share.json': 'POST',
  '/2/statuses/user_timeline.json': 'GET',
  '/2/statuses/show.json': 'GET',
  '/2/statuses/destroy/biz.json': 'POST',
  '/2/account/get_uid.json': 'GET',
  '/2/users/show.json': 'GET',
};

function error(path: string, status: number, code: number, message: string): Answer {
  return {
    reply: { status, json: { request: path, error_code: code, error: message } },
    note: `error ${code}`,
  };
}

function positive(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

/** The image type by its first bytes, as Weibo judges it (not by the declared type). */
function sniffImage(head: Buffer): string | null {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))) return 'image/png';
  if (head.subarray(0, 4).toString('latin1') === 'GIF8') return 'image/gif';
  return null;
}
