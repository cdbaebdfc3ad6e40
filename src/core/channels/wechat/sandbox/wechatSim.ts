import { createHash, randomBytes } from 'node:crypto';
import type { SimReply, SimRequest, SimulatorHandler } from '../../sandbox/simulatorServer.ts';
import { articlePage, cleanArticleContent, leadingText } from './wechatSimContent.ts';
import {
  imageKind,
  jsonBody,
  JsonObjectSchema,
  mediaFile,
  stringField,
} from './wechatSimRequest.ts';
import { SimTokens, type TokenGrant } from './wechatSimTokens.ts';

export interface WechatSimOptions {
  /** The simulator's clock (default: the system's). */
  now?: () => Date;
  /** How long a submitted article stays "publishing" (status 1) before it ends (default 5 s). */
  publishDelayMs?: number;
  /** The sandbox account's AppID and AppSecret. */
  appId?: string;
  appSecret?: string;
  /** The public IP WeChat sees for this computer, named in 40164 (default 203.0.113.10). */
  callerIp?: string;
  /** Calls a day (Beijing time) allowed per API before 45009 (default 1000). */
  dailyQuota?: number;
  /** false: this computer is not on the IP whitelist, every call answers 40164 (default true). */
  ipWhitelisted?: boolean;
  /** false: an unverified account, publishing APIs answer 48001 (default true). */
  publishingAuthorised?: boolean;
}

/** An image uploaded with media/uploadimg, by its URL. */
export interface SimInlineImage {
  url: string;
  sha256: string;
  bytes: number;
}

/** A permanent material (material/add_material). */
export interface SimMaterial {
  mediaId: string;
  type: 'image' | 'thumb';
  url: string | null;
  sha256: string;
  bytes: number;
}

/** One article as draft/add stored it (content cleaned as WeChat does). */
export interface SimArticleFields {
  title: string;
  author: string;
  digest: string;
  content: string;
  content_source_url: string;
  thumb_media_id: string;
  need_open_comment: number;
  only_fans_can_comment: number;
}

export interface SimDraft {
  mediaId: string;
  articles: SimArticleFields[];
  /** <img> removed from the content because WeChat did not host them. */
  strippedImages: number;
  createdAt: Date;
}

/** How a publishing job ends: 0 published, 2 originality check failed, 3 failed, 4 rejected. */
export type PublishEnd = 0 | 2 | 3 | 4;

export interface SimJob {
  publishId: string;
  mediaId: string;
  articles: SimArticleFields[];
  submittedAt: Date;
  /** ms since the epoch when "publishing" ends. */
  settleAt: number;
  end: PublishEnd;
  /** 0-6 as freepublish/get answers it. */
  status: number;
  articleId: string | null;
}

export interface SimArticle {
  articleId: string;
  publishId: string;
  articles: SimArticleFields[];
  url: string;
  /** Unix seconds. */
  updateTime: number;
  deleted: boolean;
}

type Answer = { reply: SimReply; note?: string };
type Route = (call: Call) => Answer | Promise<Answer>;

interface Call {
  request: SimRequest;
  now: number;
  origin: string;
}

const IMAGE_MAX_BYTES = 1024 * 1024;
const MATERIAL_IMAGE_MAX_BYTES = 10 * 1024 * 1024;
const THUMB_MAX_BYTES = 64 * 1024;
const CONTENT_MAX_CHARS = 20_000;
const CONTENT_MAX_BYTES = 1024 * 1024;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** Paths that only verified accounts may use (48001 otherwise). */
const PUBLISHING_PATHS = /^\/cgi-bin\/(draft|freepublish)\//;

/**
 * The WeChat Official Account API as the sandbox plays it (shared/channels/wechat.md): every
 * answer HTTP 200 with {errcode, errmsg} on failure (errmsg ending in a request id, as
 * WeChat's do); tokens (see SimTokens); the IP whitelist (40164 for everyone when
 * `ipWhitelisted` is false); in-article images and permanent materials with their type and
 * size rules; drafts with their field limits; submit that removes the draft and queues an
 * asynchronous publishing job; status, the published list and delete. Choices where the
 * channel note is [unverified]: submitting a media_id that is no longer a draft answers
 * 40007; deleting an article that is already deleted answers 53600; an unknown publish_id
 * answers 53502.
 */
export class WechatSim implements SimulatorHandler {
  readonly appId: string;
  readonly appSecret: string;
  readonly callerIp: string;
  publishDelayMs: number;
  dailyQuota: number;
  /** false: every call answers 40164 (this computer's IP is not on the whitelist). */
  ipWhitelisted: boolean;
  /** false: draft/* and freepublish/* answer 48001 (an account that is not verified). */
  publishingAuthorised: boolean;
  readonly tokens = new SimTokens();
  readonly inlineImages = new Map<string, SimInlineImage>();
  /** Every media/uploadimg upload accepted, in order (the same image may appear twice). */
  readonly inlineUploads: SimInlineImage[] = [];
  readonly materials = new Map<string, SimMaterial>();
  readonly drafts = new Map<string, SimDraft>();
  readonly jobs = new Map<string, SimJob>();
  readonly articles = new Map<string, SimArticle>();
  private readonly now: () => Date;
  private readonly injected: Array<{
    path: string;
    errcode: number;
    errmsg: string;
    left: number;
  }> = [];
  private readonly endings: PublishEnd[] = [];
  private readonly calls = new Map<string, number>();
  private readonly quota = new Map<string, number>();
  private nextPublishId = 2_247_483_001;
  private readonly routes: Record<string, { method: 'GET' | 'POST'; route: Route }>;

  constructor(options: WechatSimOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.publishDelayMs = options.publishDelayMs ?? 5_000;
    this.appId = options.appId ?? 'wx5a1dbox0c0ffee42';
    this.appSecret = options.appSecret ?? `sandbox${randomBytes(12).toString('hex')}`;
    this.callerIp = options.callerIp ?? '203.0.113.10';
    this.dailyQuota = options.dailyQuota ?? 1000;
    this.ipWhitelisted = options.ipWhitelisted ?? true;
    this.publishingAuthorised = options.publishingAuthorised ?? true;
    this.routes = {
      '/cgi-bin/token': { method: 'GET', route: (c) => this.basicToken(c) },
      '/cgi-bin/stable_token': { method: 'POST', route: (c) => this.stableToken(c) },
      '/cgi-bin/media/uploadimg': { method: 'POST', route: (c) => this.uploadImg(c) },
      '/cgi-bin/material/add_material': { method: 'POST', route: (c) => this.addMaterial(c) },
      '/cgi-bin/draft/add': { method: 'POST', route: (c) => this.draftAdd(c) },
      '/cgi-bin/draft/get': { method: 'POST', route: (c) => this.draftGet(c) },
      '/cgi-bin/freepublish/submit': { method: 'POST', route: (c) => this.submit(c) },
      '/cgi-bin/freepublish/get': { method: 'POST', route: (c) => this.publishGet(c) },
      '/cgi-bin/freepublish/batchget': { method: 'POST', route: (c) => this.batchget(c) },
      '/cgi-bin/freepublish/delete': { method: 'POST', route: (c) => this.deleteArticle(c) },
    };
  }

  /** The next call to `path` (after its token is accepted) answers this errcode, `times` times. */
  inject(path: string, errcode: number, options: { times?: number; errmsg?: string } = {}): void {
    this.injected.push({
      path,
      errcode,
      errmsg: options.errmsg ?? DEFAULT_ERRMSG[errcode] ?? 'error',
      left: options.times ?? 1,
    });
  }

  /** The next publishing job ends in this state instead of 0 (published). */
  endNextPublishWith(state: PublishEnd): void {
    this.endings.push(state);
  }

  /** Requests received for a path (any answer), for tests. */
  callCount(path: string): number {
    return this.calls.get(path) ?? 0;
  }

  expireTokens(): void {
    this.tokens.expireAll(this.now().getTime());
  }

  async handle(request: SimRequest): Promise<Answer> {
    const path = request.url.pathname;
    this.calls.set(path, (this.calls.get(path) ?? 0) + 1);
    const call: Call = {
      request,
      now: this.now().getTime(),
      origin: `http://${request.headers.host ?? '127.0.0.1'}`,
    };
    const article = /^\/s\/([\w-]+)$/.exec(path);
    if (article?.[1] !== undefined && request.method === 'GET')
      return this.articlePage(call, article[1]);
    const entry = this.routes[path];
    if (entry === undefined) {
      return {
        reply: {
          status: 404,
          headers: { 'content-type': 'text/html' },
          body: '<html><body>404 Not Found</body></html>',
        },
        note: 'no such API',
      };
    }
    if (request.method !== entry.method) {
      return entry.method === 'POST'
        ? this.error(43002, 'require POST method')
        : this.error(43001, 'require GET method');
    }
    const isToken = path === '/cgi-bin/token' || path === '/cgi-bin/stable_token';
    if (!isToken) {
      const token = this.tokens.check(request.url.searchParams.get('access_token'), call.now);
      if (!token.ok) return this.error(token.errcode, token.errmsg, 'token refused');
      const refused = this.gate(path, call.now);
      if (refused !== null) return refused;
    }
    return entry.route(call);
  }

  /** Checks every API call goes through after its token: whitelist, injections, 48001, quota. */
  private gate(path: string, now: number): Answer | null {
    if (!this.ipWhitelisted) return this.ipRefusal();
    const injected = this.injected.find((rule) => rule.left > 0 && rule.path === path);
    if (injected !== undefined) {
      injected.left--;
      return this.error(injected.errcode, injected.errmsg, 'injected error');
    }
    if (!this.publishingAuthorised && PUBLISHING_PATHS.test(path)) {
      return this.error(48001, 'api unauthorized', 'account not verified');
    }
    const day = Math.floor((now + BEIJING_OFFSET_MS) / 86_400_000);
    const key = `${day}:${path}`;
    const used = (this.quota.get(key) ?? 0) + 1;
    this.quota.set(key, used);
    if (used > this.dailyQuota) return this.error(45009, 'reach max api daily quota limit');
    return null;
  }

  private ipRefusal(): Answer {
    return this.error(
      40164,
      `invalid ip ${this.callerIp} ipv6 ::ffff:${this.callerIp}, not in whitelist`,
      'IP not whitelisted',
    );
  }

  // ---- tokens

  private basicToken(call: Call): Answer {
    const q = call.request.url.searchParams;
    const refused = this.credentials(q.get('grant_type'), q.get('appid'), q.get('secret'));
    if (refused !== null) return refused;
    return this.grant(this.tokens.basic(call.now));
  }

  private stableToken(call: Call): Answer {
    const body = jsonBody(call.request);
    if (body === null) return this.error(47001, 'data format error');
    const refused = this.credentials(
      stringField(body, 'grant_type'),
      stringField(body, 'appid'),
      stringField(body, 'secret'),
    );
    if (refused !== null) return refused;
    return this.grant(this.tokens.stable(body['force_refresh'] === true, call.now));
  }

  private credentials(
    grantType: string | null,
    appId: string | null,
    secret: string | null,
  ): Answer | null {
    if (grantType !== 'client_credential') return this.error(40002, 'invalid grant_type');
    if (appId === null || appId === '') return this.error(41002, 'appid missing');
    if (appId !== this.appId) return this.error(40013, 'invalid appid');
    if (secret === null || secret === '') return this.error(41004, 'appsecret missing');
    if (secret !== this.appSecret) return this.error(40125, 'invalid appsecret');
    if (!this.ipWhitelisted) return this.ipRefusal();
    return null;
  }

  private grant(grant: TokenGrant): Answer {
    if (!grant.ok) return this.error(grant.errcode, grant.errmsg);
    return {
      reply: { status: 200, json: { access_token: grant.token, expires_in: grant.expiresIn } },
      note: grant.note,
    };
  }

  // ---- images

  private async uploadImg(call: Call): Promise<Answer> {
    const media = await mediaFile(call.request);
    if (media === null) return this.error(41005, 'media data missing');
    const kind = imageKind(media.name, media.bytes);
    if (kind !== 'png' && kind !== 'jpeg') return this.error(40005, 'invalid file type');
    if (media.bytes.length >= IMAGE_MAX_BYTES) return this.error(40009, 'invalid image size');
    const sha256 = createHash('sha256').update(media.bytes).digest('hex');
    const url = `http://mmbiz.qpic.cn/sandbox/${sha256.slice(0, 32)}/0?wx_fmt=${kind}`;
    const image: SimInlineImage = { url, sha256, bytes: media.bytes.length };
    this.inlineImages.set(url, image);
    this.inlineUploads.push(image);
    return { reply: { status: 200, json: { url } }, note: `in-article image uploaded: ${url}` };
  }

  private async addMaterial(call: Call): Promise<Answer> {
    const type = call.request.url.searchParams.get('type');
    if (type !== 'image' && type !== 'thumb' && type !== 'voice' && type !== 'video') {
      return this.error(40004, 'invalid media type');
    }
    if (type !== 'image' && type !== 'thumb') {
      return this.error(40004, 'invalid media type', 'the sandbox keeps images only');
    }
    const media = await mediaFile(call.request);
    if (media === null) return this.error(41005, 'media data missing');
    const kind = imageKind(media.name, media.bytes);
    if (type === 'thumb') {
      if (kind !== 'jpeg') return this.error(40005, 'invalid file type');
      if (media.bytes.length > THUMB_MAX_BYTES) return this.error(40012, 'invalid thumb size');
    } else {
      if (kind === null) return this.error(40005, 'invalid file type');
      if (media.bytes.length > MATERIAL_IMAGE_MAX_BYTES) {
        return this.error(40009, 'invalid image size');
      }
    }
    const sha256 = createHash('sha256').update(media.bytes).digest('hex');
    const mediaId = `sandbox_${randomBytes(21).toString('base64url')}`;
    const url =
      type === 'image'
        ? `http://mmbiz.qpic.cn/sandbox_material/${sha256.slice(0, 32)}/0?wx_fmt=${kind ?? 'jpeg'}`
        : null;
    this.materials.set(mediaId, { mediaId, type, url, sha256, bytes: media.bytes.length });
    return {
      reply: {
        status: 200,
        json: url === null ? { media_id: mediaId } : { media_id: mediaId, url },
      },
      note: `permanent ${type} material ${mediaId} created`,
    };
  }

  // ---- drafts

  private draftAdd(call: Call): Answer {
    const body = jsonBody(call.request);
    const list = body?.['articles'];
    if (body === null || (list !== undefined && !Array.isArray(list))) {
      return this.error(47001, 'data format error');
    }
    if (list === undefined || list.length === 0) return this.error(44003, 'empty news data');
    const articles: SimArticleFields[] = [];
    let strippedImages = 0;
    for (const raw of list) {
      const parsed = JsonObjectSchema.safeParse(raw);
      if (!parsed.success) return this.error(47001, 'data format error');
      const a = parsed.data;
      if (TEXT_FIELDS.some((f) => a[f] !== undefined && typeof a[f] !== 'string')) {
        return this.error(47001, 'data format error');
      }
      const text = (field: (typeof TEXT_FIELDS)[number]): string => {
        const value = a[field];
        return typeof value === 'string' ? value : '';
      };
      const title = text('title');
      const author = text('author');
      const digest = text('digest');
      const content = text('content');
      const source = text('content_source_url');
      const thumb = text('thumb_media_id');
      if (title === '') return this.error(47001, 'data format error, title missing');
      if (content.trim() === '') return this.error(44003, 'empty news data');
      if (chars(title) > 32) return this.error(45003, 'title size out of limit');
      if (chars(author) > 16) return this.error(45110, 'author size out of limit');
      if (chars(digest) > 128) return this.error(45004, 'description size out of limit');
      if (content.length >= CONTENT_MAX_CHARS || Buffer.byteLength(content) >= CONTENT_MAX_BYTES) {
        return this.error(45002, 'content size out of limit');
      }
      if (thumb === '' || !this.materials.has(thumb)) return this.error(40007, 'invalid media_id');
      const cleaned = cleanArticleContent(content, (src) => this.inlineImages.has(src));
      strippedImages += cleaned.strippedImages;
      articles.push({
        title,
        author,
        digest: digest === '' ? leadingText(cleaned.html, 54) : digest,
        content: cleaned.html,
        content_source_url: source,
        thumb_media_id: thumb,
        need_open_comment: a['need_open_comment'] === 1 ? 1 : 0,
        only_fans_can_comment: a['only_fans_can_comment'] === 1 ? 1 : 0,
      });
    }
    const mediaId = `sandbox_${randomBytes(21).toString('base64url')}`;
    this.drafts.set(mediaId, { mediaId, articles, strippedImages, createdAt: new Date(call.now) });
    return {
      reply: { status: 200, json: { media_id: mediaId } },
      note: `draft ${mediaId} created${strippedImages > 0 ? ` (${strippedImages} foreign image(s) removed)` : ''}`,
    };
  }

  private draftGet(call: Call): Answer {
    const mediaId = stringField(jsonBody(call.request), 'media_id');
    const draft = mediaId === null ? undefined : this.drafts.get(mediaId);
    if (draft === undefined) return this.error(40007, 'invalid media_id');
    return {
      reply: {
        status: 200,
        json: { news_item: draft.articles.map((a) => this.newsItem(a, '', true)) },
      },
      note: `draft ${draft.mediaId} read`,
    };
  }

  // ---- publishing

  private submit(call: Call): Answer {
    const mediaId = stringField(jsonBody(call.request), 'media_id');
    const draft = mediaId === null ? undefined : this.drafts.get(mediaId);
    if (draft === undefined) return this.error(40007, 'invalid media_id');
    this.drafts.delete(draft.mediaId);
    const publishNumber = this.nextPublishId++;
    const publishId = String(publishNumber);
    this.jobs.set(publishId, {
      publishId,
      mediaId: draft.mediaId,
      articles: draft.articles,
      submittedAt: new Date(call.now),
      settleAt: call.now + this.publishDelayMs,
      end: this.endings.shift() ?? 0,
      status: 1,
      articleId: null,
    });
    return {
      // publish_id as a JSON number, as some replies carry it.
      reply: {
        status: 200,
        json: { errcode: 0, errmsg: 'ok', publish_id: publishNumber, msg_data_id: publishNumber },
      },
      note: `draft ${draft.mediaId} submitted: publish_id ${publishId}`,
    };
  }

  private publishGet(call: Call): Answer {
    const body = jsonBody(call.request);
    const raw = body?.['publish_id'];
    const publishId = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : null;
    const job = publishId === null ? undefined : this.jobs.get(publishId);
    if (job === undefined) return this.error(53502, 'Publish ID 无效');
    this.settle(call);
    const article = job.articleId === null ? undefined : this.articles.get(job.articleId);
    const json: Record<string, unknown> = {
      publish_id: job.publishId,
      publish_status: job.status,
      fail_idx: job.status >= 2 && job.status <= 4 ? [1] : [],
    };
    if (article !== undefined) {
      json['article_id'] = article.articleId;
      if (job.status === 0) {
        json['article_detail'] = { count: 1, item: [{ idx: 1, article_url: article.url }] };
      }
    }
    return { reply: { status: 200, json }, note: `publish ${job.publishId}: status ${job.status}` };
  }

  private batchget(call: Call): Answer {
    const body = jsonBody(call.request);
    const offset = body?.['offset'];
    const count = body?.['count'];
    if (
      typeof offset !== 'number' ||
      typeof count !== 'number' ||
      !Number.isInteger(offset) ||
      offset < 0 ||
      !Number.isInteger(count) ||
      count < 1 ||
      count > 20
    ) {
      return this.error(47001, 'data format error');
    }
    const withContent = body?.['no_content'] !== 1;
    this.settle(call);
    const listed = [...this.articles.values()]
      .filter((a) => !a.deleted)
      .sort((a, b) => b.updateTime - a.updateTime || Number(b.publishId) - Number(a.publishId));
    const page = listed.slice(offset, offset + count);
    return {
      reply: {
        status: 200,
        json: {
          total_count: listed.length,
          item_count: page.length,
          item: page.map((a) => ({
            article_id: a.articleId,
            content: { news_item: a.articles.map((f) => this.newsItem(f, a.url, withContent)) },
            update_time: a.updateTime,
          })),
        },
      },
      note: `published list read (${page.length} of ${listed.length})`,
    };
  }

  private deleteArticle(call: Call): Answer {
    const body = jsonBody(call.request);
    const articleId = stringField(body, 'article_id');
    const article = articleId === null ? undefined : this.articles.get(articleId);
    if (article === undefined || article.deleted) return this.error(53600, 'Article ID 无效');
    article.deleted = true;
    const job = this.jobs.get(article.publishId);
    if (job !== undefined) job.status = 5;
    return {
      reply: { status: 200, json: { errcode: 0, errmsg: 'ok' } },
      note: `article ${article.articleId} deleted`,
    };
  }

  private articlePage(call: Call, articleId: string): Answer {
    this.settle(call);
    const article = this.articles.get(articleId);
    const first = article?.deleted === false ? article.articles[0] : undefined;
    return {
      reply: {
        status: article === undefined ? 404 : 200,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: articlePage(first === undefined ? null : first),
      },
      note: `article page ${articleId}`,
    };
  }

  /** Ends every job whose publishing time is over, creating its article when published. */
  private settle(call: Call): void {
    for (const job of this.jobs.values()) {
      if (job.status !== 1 || call.now < job.settleAt) continue;
      job.status = job.end;
      if (job.end !== 0) continue;
      const articleId = randomBytes(30).toString('base64url');
      job.articleId = articleId;
      this.articles.set(articleId, {
        articleId,
        publishId: job.publishId,
        articles: job.articles,
        url: `${call.origin}/s/${articleId}`,
        updateTime: Math.floor(call.now / 1000),
        deleted: false,
      });
    }
  }

  private newsItem(
    a: SimArticleFields,
    url: string,
    withContent: boolean,
  ): Record<string, unknown> {
    return {
      title: a.title,
      author: a.author,
      digest: a.digest,
      ...(withContent ? { content: a.content } : {}),
      content_source_url: a.content_source_url,
      thumb_media_id: a.thumb_media_id,
      thumb_url: this.materials.get(a.thumb_media_id)?.url ?? '',
      need_open_comment: a.need_open_comment,
      only_fans_can_comment: a.only_fans_can_comment,
      url,
      is_deleted: false,
    };
  }

  private error(errcode: number, errmsg: string, note?: string): Answer {
    const rid = `${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;
    return {
      reply: { status: 200, json: { errcode, errmsg: `${errmsg} rid: ${rid}` } },
      note: `errcode ${errcode}${note === undefined ? '' : ` (${note})`}`,
    };
  }
}

const DEFAULT_ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  45009: 'reach max api daily quota limit',
  48001: 'api unauthorized',
  53500: 'publish function is banned',
  53501: 'publish too frequently',
  53503: '该草稿未通过发布检查',
  53504: '需前往公众平台官网使用草稿',
  53505: '请手动保存成功后再发表',
};

const chars = (text: string): number => Array.from(text).length;

/** The text fields of a draft article: absent, or a string (else 47001). */
const TEXT_FIELDS = [
  'title',
  'author',
  'digest',
  'content',
  'content_source_url',
  'thumb_media_id',
] as const;
