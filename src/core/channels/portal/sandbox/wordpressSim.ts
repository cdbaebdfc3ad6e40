import { randomBytes } from 'node:crypto';
import type { SimReply, SimRequest, SimulatorHandler } from '../../sandbox/simulatorServer.ts';
import { CAPABILITIES, IMAGE_TYPES } from './wpSimRules.ts';
import { Invalid, WpError } from './wpSimErrors.ts';
import {
  filenameFromDisposition,
  parseRestDate,
  sanitizeFileName,
  sanitizeTitle,
  wpDate,
} from './wpFormats.ts';

/**
 * A simulated WordPress 6.1 REST API (wp/v2), faithful to shared/channels/wordpress.md and to
 * what a real Debian WordPress answers: the home page's Link header, Basic auth with
 * application passwords, posts (unique slugs renamed `-2`, `future` for a future date_gmt,
 * trash renaming the slug `__trashed`, 410 on a second trash), slug lookups that see only
 * published posts unless asked (a status list needs authentication), raw media uploads with
 * WordPress's Content-Disposition parsing, media that cannot be trashed, tags with term_exists,
 * and errors as `{code, message, data:{status}}`. Its state is open for tests.
 */

export type SimPostStatus = 'publish' | 'future' | 'draft' | 'pending' | 'private' | 'trash';

export interface SimPost {
  id: number;
  title: string;
  content: string;
  excerpt: string;
  status: SimPostStatus;
  /** The status before the trash (WordPress keeps it in _wp_trash_meta_status). */
  statusBeforeTrash: SimPostStatus | null;
  slug: string;
  dateGmt: Date;
  modifiedGmt: Date;
  featuredMedia: number;
  categories: number[];
  tags: number[];
  author: number;
}

export interface SimMedia {
  id: number;
  /** The stored file's name, as WordPress sanitised and made it unique. */
  fileName: string;
  /** The name the upload's Content-Disposition carried. */
  sentName: string;
  mimeType: string;
  bytes: Buffer;
  altText: string;
  title: string;
  /** Path of the file under the site: /wp-content/uploads/YYYY/MM/<fileName>. */
  path: string;
  dateGmt: Date;
}

export interface SimTerm {
  id: number;
  taxonomy: 'category' | 'post_tag';
  name: string;
  slug: string;
}

export type SimRole = 'administrator' | 'editor' | 'author' | 'contributor';

export interface WordpressSimOptions {
  now?: (() => Date) | undefined;
  /**
   * How the site addresses its REST API: 'pretty' (permalinks on: `/wp-json/`, the default)
   * or 'query' (plain permalinks, Debian's default install: `/index.php?rest_route=/`, and
   * `/wp-json/` redirects to the home page). `?rest_route=` works in both, as on WordPress.
   */
  restRoot?: 'pretty' | 'query' | undefined;
  /**
   * How wrong credentials are answered. 'anonymous' (default) is what WordPress 6.1 does: the
   * application password is checked after the REST API's own check has run, so the request is
   * treated as not logged in (rest_not_logged_in on GET users/me, rest_cannot_create on a
   * create, ...). 'application-password' answers the application password's own error
   * (incorrect_password, invalid_username, application_passwords_disabled) with 401, as
   * rest_application_password_check_errors reports it where authentication ran earlier.
   */
  authErrors?: 'anonymous' | 'application-password' | undefined;
  role?: SimRole | undefined;
  /** false: the site offers no application passwords (plain HTTP, not a 'local' site). */
  applicationPasswords?: boolean | undefined;
  /** false: the upload ignores `?alt_text=`, so alt text needs POST /wp/v2/media/<id>. */
  uploadTakesAltText?: boolean | undefined;
}

const ALL_STATUSES: readonly SimPostStatus[] = [
  'publish',
  'future',
  'draft',
  'pending',
  'private',
  'trash',
];
const WRITABLE_STATUSES = ['publish', 'future', 'draft', 'pending', 'private'] as const;

type Auth = { kind: 'user' } | { kind: 'anonymous' } | { kind: 'error'; error: WpError };

type Params = Record<string, unknown>;

/** A simulated WordPress site with one user, `sandbox-editor`. */
export class WordpressSim implements SimulatorHandler {
  readonly login = 'sandbox-editor';
  readonly displayName = '门户网站沙箱编辑';
  readonly userId = 1;
  readonly posts = new Map<number, SimPost>();
  readonly media = new Map<number, SimMedia>();
  readonly terms = new Map<number, SimTerm>();
  role: SimRole;
  applicationPasswords: boolean;
  uploadTakesAltText: boolean;
  private readonly mode: 'pretty' | 'query';
  private readonly authErrors: 'anonymous' | 'application-password';
  private readonly now: () => Date;
  private passwords = new Set<string>();
  /** wp_posts ids: posts and attachments share one sequence, as in WordPress. */
  private nextPostId = 1;
  /** wp_terms ids: categories and tags share one sequence. */
  private nextTermId = 1;

  constructor(options: WordpressSimOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.mode = options.restRoot ?? 'pretty';
    this.authErrors = options.authErrors ?? 'anonymous';
    this.role = options.role ?? 'editor';
    this.applicationPasswords = options.applicationPasswords ?? true;
    this.uploadTakesAltText = options.uploadTakesAltText ?? true;
    this.addTerm('category', '未分类');
    this.addTerm('category', '新闻发布');
  }

  /**
   * A new application password for the user, shown as WordPress shows it (six groups of four,
   * spaces included: WordPress strips them when checking).
   */
  issuePassword(): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    const bytes = randomBytes(24);
    const raw = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
    this.passwords.add(raw);
    return raw.match(/.{4}/g)?.join(' ') ?? raw;
  }

  /** Revokes every application password (the `expire-token` fault). */
  expireTokens(): void {
    this.passwords.clear();
  }

  addTerm(taxonomy: SimTerm['taxonomy'], name: string): SimTerm {
    const term: SimTerm = {
      id: this.nextTermId++,
      taxonomy,
      name,
      slug: this.uniqueTermSlug(name),
    };
    this.terms.set(term.id, term);
    return term;
  }

  /** The posts with this slug exactly (any status), oldest first. */
  postsWithSlug(slug: string): SimPost[] {
    return [...this.posts.values()].filter((p) => p.slug === slug).sort((a, b) => a.id - b.id);
  }

  /** WP-Cron's publish_future_post: scheduled posts whose time has come are published. */
  publishDue(): void {
    const now = this.now().getTime();
    for (const post of this.posts.values()) {
      if (post.status === 'future' && post.dateGmt.getTime() <= now) post.status = 'publish';
    }
  }

  handle(request: SimRequest): { reply: SimReply; note?: string } {
    this.publishDue();
    const base = `http://${request.headers.host ?? '127.0.0.1'}`;
    const path = request.url.pathname;
    const restRoute = request.url.searchParams.get('rest_route');
    if (path === '/wp-json' || path.startsWith('/wp-json/')) {
      if (this.mode === 'query') {
        // Plain permalinks: WordPress does not know /wp-json/ and redirects to the home page.
        return {
          reply: {
            status: 301,
            headers: {
              location: `${base}/`,
              'content-type': 'text/html; charset=UTF-8',
              'x-redirect-by': 'WordPress',
            },
            body: '',
          },
          note: 'redirected /wp-json/ home (plain permalinks)',
        };
      }
      return this.rest(request, base, path.slice('/wp-json'.length) || '/');
    }
    if (restRoute !== null && (path === '/' || path === '/index.php')) {
      return this.rest(request, base, restRoute || '/');
    }
    if (request.method === 'GET' && path.startsWith('/wp-content/uploads/')) {
      return this.file(path);
    }
    if (request.method === 'GET' && (path === '/' || path === '/index.php')) {
      return this.page(request, base);
    }
    return { reply: html(404, 'Page not found', '<h1>Page not found</h1>', this.linkHeader(base)) };
  }

  // --- the REST API ----------------------------------------------------------------------

  private rootHref(base: string): string {
    return this.mode === 'pretty' ? `${base}/wp-json/` : `${base}/index.php?rest_route=/`;
  }

  private restUrl(base: string, route: string): string {
    return this.mode === 'pretty'
      ? `${base}/wp-json/${route.replace(/^\/+/, '')}`
      : `${base}/index.php?rest_route=/${route.replace(/^\/+/, '')}`;
  }

  private linkHeader(base: string): Record<string, string> {
    return { link: `<${this.rootHref(base)}>; rel="https://api.w.org/"` };
  }

  private rest(
    request: SimRequest,
    base: string,
    rawRoute: string,
  ): { reply: SimReply; note?: string } {
    const route = `/${rawRoute.replace(/^\/+/, '').replace(/\/+$/, '')}`;
    const headers = this.linkHeader(base);
    try {
      const auth = this.authenticate(request);
      if (auth.kind === 'error') throw auth.error;
      const params = this.params(request);
      const result = this.dispatch(request.method, route, params, auth, request, base);
      const reply = {
        status: result.status,
        headers: { ...headers, ...result.headers },
        json: result.json,
      };
      return result.note === undefined ? { reply } : { reply, note: result.note };
    } catch (error) {
      if (!(error instanceof WpError)) throw error;
      return {
        reply: {
          status: error.status,
          headers,
          json: { code: error.code, message: error.message, data: error.data, ...error.extra },
        },
        note: `error ${error.code}`,
      };
    }
  }

  private authenticate(request: SimRequest): Auth {
    const header = request.headers.authorization;
    if (header === undefined) return { kind: 'anonymous' };
    const match = /^Basic\s+(\S+)$/i.exec(header);
    if (!match) return { kind: 'anonymous' };
    const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return { kind: 'anonymous' };
    const user = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1).replace(/[^a-z\d]/gi, '');
    const refuse = (code: string, message: string): Auth =>
      this.authErrors === 'application-password'
        ? { kind: 'error', error: new WpError(401, code, message) }
        : { kind: 'anonymous' };
    if (user !== this.login) {
      return refuse(
        'invalid_username',
        '<strong>Error:</strong> Unknown username. Check again or try your email address.',
      );
    }
    if (!this.applicationPasswords) {
      return refuse('application_passwords_disabled', 'Application passwords are not available.');
    }
    if (!this.passwords.has(password)) {
      return refuse(
        'incorrect_password',
        'The provided password is an invalid application password.',
      );
    }
    return { kind: 'user' };
  }

  private can(auth: Auth, capability: string): boolean {
    return auth.kind === 'user' && CAPABILITIES[this.role].includes(capability);
  }

  /** 401 for nobody, 403 for a user without the right (rest_authorization_required_code). */
  private denied(auth: Auth, code: string, message: string): WpError {
    return new WpError(auth.kind === 'user' ? 403 : 401, code, message);
  }

  /** Query parameters merged with the JSON or form body, as WP_REST_Request does. */
  private params(request: SimRequest): Params {
    const params: Params = Object.fromEntries(request.url.searchParams);
    delete params['rest_route'];
    const type = String(request.headers['content-type'] ?? '').toLowerCase();
    if (request.body.length === 0) return params;
    if (type.startsWith('application/json')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(request.body.toString('utf8'));
      } catch {
        throw new WpError(400, 'rest_invalid_json', 'Invalid JSON body passed.', {
          status: 400,
          json_error_code: 4,
          json_error_message: 'Syntax error',
        });
      }
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
        Object.assign(params, parsed);
      }
    } else if (type.startsWith('application/x-www-form-urlencoded')) {
      Object.assign(params, Object.fromEntries(new URLSearchParams(request.body.toString('utf8'))));
    }
    return params;
  }

  private dispatch(
    method: string,
    route: string,
    params: Params,
    auth: Auth,
    request: SimRequest,
    base: string,
  ): { status: number; json: unknown; headers?: Record<string, string>; note?: string } {
    let m: RegExpExecArray | null;
    if (route === '/' && method === 'GET') return { status: 200, json: this.index(base) };
    if (route === '/wp/v2/users/me' && method === 'GET') return this.me(params, auth, base);
    if (route === '/wp/v2/posts') {
      if (method === 'GET') return this.listPosts(params, auth, base);
      if (method === 'POST') return this.createPost(params, auth, base);
    }
    if ((m = /^\/wp\/v2\/posts\/(\d+)$/.exec(route))) {
      const id = Number(m[1]);
      if (method === 'GET') return this.getPost(id, params, auth, base);
      if (method === 'POST' || method === 'PUT' || method === 'PATCH')
        return this.updatePost(id, params, auth, base);
      if (method === 'DELETE') return this.deletePost(id, params, auth, base);
    }
    if (route === '/wp/v2/media' && method === 'POST')
      return this.upload(request, params, auth, base);
    if ((m = /^\/wp\/v2\/media\/(\d+)$/.exec(route))) {
      const id = Number(m[1]);
      if (method === 'GET') return { status: 200, json: this.mediaJson(this.mediaOr404(id), base) };
      if (method === 'POST' || method === 'PUT' || method === 'PATCH')
        return this.updateMedia(id, params, auth, base);
      if (method === 'DELETE') return this.deleteMedia(id, params, auth, base);
    }
    if (route === '/wp/v2/tags') {
      if (method === 'GET') return this.listTags(params, base);
      if (method === 'POST') return this.createTag(params, auth, base);
    }
    if (route === '/wp/v2/categories' && method === 'GET') {
      return { status: 200, json: this.termsOf('category').map((t) => this.termJson(t, base)) };
    }
    throw new WpError(
      404,
      'rest_no_route',
      'No route was found matching the URL and request method.',
    );
  }

  private index(base: string): unknown {
    return {
      name: '门户网站（沙箱）',
      description: 'PressDesk sandbox portal',
      url: base,
      home: base,
      gmt_offset: 0,
      timezone_string: '',
      namespaces: ['oembed/1.0', 'wp/v2', 'wp-site-health/v1'],
      authentication: this.applicationPasswords
        ? {
            'application-passwords': {
              endpoints: { authorization: `${base}/wp-admin/authorize-application.php` },
            },
          }
        : [],
      routes: {},
    };
  }

  private me(params: Params, auth: Auth, base: string) {
    if (auth.kind !== 'user') {
      throw new WpError(401, 'rest_not_logged_in', 'You are not currently logged in.');
    }
    const view = {
      id: this.userId,
      name: this.displayName,
      url: base,
      description: '',
      link: `${base}/?author=${this.userId}`,
      slug: this.login,
      avatar_urls: {},
      meta: [],
    };
    if (params['context'] !== 'edit') return { status: 200, json: view };
    const capabilities = Object.fromEntries(CAPABILITIES[this.role].map((c) => [c, true]));
    capabilities[this.role] = true;
    return {
      status: 200,
      json: {
        ...view,
        username: this.login,
        first_name: '',
        last_name: '',
        email: `${this.login}@example.org`,
        locale: 'zh_CN',
        nickname: this.login,
        roles: [this.role],
        registered_date: '2024-01-01T00:00:00+00:00',
        capabilities,
        extra_capabilities: { [this.role]: true },
      },
    };
  }

  // --- posts -------------------------------------------------------------------------------

  private listPosts(params: Params, auth: Auth, base: string) {
    // Parameters are validated before the permission check, as WP_REST_Server does.
    const invalid = new Invalid();
    const perPage = intParam(params['per_page'] ?? '10');
    if (perPage === null || perPage < 1 || perPage > 100) {
      invalid.add(
        'per_page',
        'rest_out_of_bounds',
        'per_page must be between 1 (inclusive) and 100 (inclusive)',
      );
    }
    const page = intParam(params['page'] ?? '1');
    if (page === null || page < 1)
      invalid.add('page', 'rest_out_of_bounds', 'page must be greater than or equal to 1');
    const statuses = listParam(params['status'] ?? 'publish');
    const wanted = new Set<SimPostStatus>();
    for (const status of statuses) {
      if (status === 'any') {
        for (const s of ALL_STATUSES) if (s !== 'trash') wanted.add(s);
      } else if ((ALL_STATUSES as readonly string[]).includes(status)) {
        wanted.add(status as SimPostStatus);
      } else {
        invalid.add(
          'status',
          'rest_not_in_enum',
          `status[0] is not one of publish, future, draft, pending, private, trash, auto-draft, inherit, request-pending, request-confirmed, request-failed, request-completed, and any.`,
        );
      }
    }
    if (statuses.some((s) => s !== 'publish') && !this.can(auth, 'edit_posts')) {
      invalid.add('status', 'rest_forbidden_status', 'Status is forbidden.', {
        status: auth.kind === 'user' ? 403 : 401,
      });
    }
    invalid.throwIfAny();
    const context = this.context(
      params,
      auth,
      'Sorry, you are not allowed to edit posts in this post type.',
    );
    const slugs =
      params['slug'] === undefined ? null : listParam(params['slug']).map(sanitizeTitle);
    const search = typeof params['search'] === 'string' ? params['search'].toLowerCase() : '';
    const orderby = String(params['orderby'] ?? 'date');
    const desc = String(params['order'] ?? 'desc') !== 'asc';
    const matching = [...this.posts.values()]
      .filter((p) => wanted.has(p.status))
      .filter((p) => slugs === null || slugs.includes(p.slug))
      .filter(
        (p) =>
          search === '' ||
          [p.title, p.content, p.excerpt].some((text) => text.toLowerCase().includes(search)),
      )
      .sort((a, b) => {
        const order =
          orderby === 'id' ? a.id - b.id : a.dateGmt.getTime() - b.dateGmt.getTime() || a.id - b.id;
        return desc ? -order : order;
      });
    const size = perPage ?? 10;
    const from = ((page ?? 1) - 1) * size;
    return {
      status: 200,
      json: matching.slice(from, from + size).map((p) => this.postJson(p, context, base)),
      headers: {
        'x-wp-total': String(matching.length),
        'x-wp-totalpages': String(Math.max(1, Math.ceil(matching.length / size))),
      },
    };
  }

  private context(params: Params, auth: Auth, message: string): 'view' | 'edit' {
    const context = params['context'] ?? 'view';
    if (context === 'edit') {
      if (!this.can(auth, 'edit_posts')) throw this.denied(auth, 'rest_forbidden_context', message);
      return 'edit';
    }
    if (context !== 'view' && context !== 'embed') {
      new Invalid()
        .add('context', 'rest_not_in_enum', 'context is not one of view, embed, and edit.')
        .throwIfAny();
    }
    return 'view';
  }

  private postOr404(id: number): SimPost {
    const post = this.posts.get(id);
    if (!post) throw new WpError(404, 'rest_post_invalid_id', 'Invalid post ID.');
    return post;
  }

  private getPost(id: number, params: Params, auth: Auth, base: string) {
    const post = this.postOr404(id);
    if (post.status !== 'publish' && !this.can(auth, 'edit_posts')) {
      throw this.denied(auth, 'rest_forbidden', 'Sorry, you are not allowed to do that.');
    }
    const context = this.context(params, auth, 'Sorry, you are not allowed to edit this post.');
    return { status: 200, json: this.postJson(post, context, base) };
  }

  /** The post fields of a create or update, validated as WordPress's schema does. */
  private postFields(params: Params) {
    const invalid = new Invalid();
    const text = (name: string): string | undefined => {
      const value = params[name];
      if (value === undefined) return undefined;
      if (typeof value === 'string') return value;
      if (
        value !== null &&
        typeof value === 'object' &&
        typeof (value as { raw?: unknown }).raw === 'string'
      ) {
        return (value as { raw: string }).raw;
      }
      invalid.add(name, 'rest_invalid_type', `${name} is not of type object.`);
      return undefined;
    };
    const fields = {
      title: text('title'),
      content: text('content'),
      excerpt: text('excerpt'),
      slug: undefined as string | undefined,
      status: undefined as (typeof WRITABLE_STATUSES)[number] | undefined,
      dateGmt: undefined as Date | undefined,
      featuredMedia: undefined as number | undefined,
      categories: undefined as number[] | undefined,
      tags: undefined as number[] | undefined,
    };
    if (params['slug'] !== undefined) {
      if (typeof params['slug'] === 'string') fields.slug = sanitizeTitle(params['slug']);
      else invalid.add('slug', 'rest_invalid_type', 'slug is not of type string.');
    }
    if (params['status'] !== undefined) {
      const status = params['status'];
      if (typeof status === 'string' && (WRITABLE_STATUSES as readonly string[]).includes(status)) {
        fields.status = status as (typeof WRITABLE_STATUSES)[number];
      } else {
        invalid.add(
          'status',
          'rest_not_in_enum',
          'status is not one of publish, future, draft, pending, and private.',
          null,
        );
      }
    }
    if (params['date_gmt'] !== undefined && params['date_gmt'] !== null) {
      const date =
        typeof params['date_gmt'] === 'string' ? parseRestDate(params['date_gmt']) : null;
      if (date === null) invalid.add('date_gmt', 'rest_invalid_date', 'Invalid date.', null);
      else fields.dateGmt = date;
    }
    if (params['featured_media'] !== undefined) {
      const id = intParam(params['featured_media']);
      if (id === null)
        invalid.add(
          'featured_media',
          'rest_invalid_type',
          'featured_media is not of type integer.',
          { param: 'featured_media' },
        );
      else fields.featuredMedia = id;
    }
    for (const name of ['categories', 'tags'] as const) {
      const value = params[name];
      if (value === undefined) continue;
      const list = Array.isArray(value)
        ? value
        : typeof value === 'string'
          ? listParam(value)
          : null;
      const ids = list?.map(intParam);
      if (!ids || ids.some((id) => id === null)) {
        invalid.add(name, 'rest_invalid_type', `${name}[0] is not of type integer.`, {
          param: `${name}[0]`,
        });
      } else {
        fields[name] = ids as number[];
      }
    }
    invalid.throwIfAny();
    return fields;
  }

  private createPost(params: Params, auth: Auth, base: string) {
    if (params['id'] !== undefined)
      throw new WpError(400, 'rest_post_exists', 'Cannot create existing post.');
    const fields = this.postFields(params);
    if (!this.can(auth, 'edit_posts')) {
      throw this.denied(
        auth,
        'rest_cannot_create',
        'Sorry, you are not allowed to create posts as this user.',
      );
    }
    const now = this.now();
    let status: SimPostStatus = fields.status ?? 'draft';
    if ((status === 'publish' || status === 'future') && !this.can(auth, 'publish_posts')) {
      throw this.denied(
        auth,
        'rest_cannot_publish',
        'Sorry, you are not allowed to publish posts in this post type.',
      );
    }
    if (status === 'private' && !this.can(auth, 'publish_posts')) {
      throw this.denied(
        auth,
        'rest_cannot_publish',
        'Sorry, you are not allowed to create private posts in this post type.',
      );
    }
    const date = fields.dateGmt ?? now;
    if (status === 'publish' && date.getTime() > now.getTime()) status = 'future';
    else if (status === 'future' && date.getTime() <= now.getTime()) status = 'publish';
    const title = fields.title ?? '';
    const id = this.nextPostId++;
    const wantsSlug = status === 'publish' || status === 'future' || status === 'private';
    const slugBase = fields.slug || (wantsSlug ? sanitizeTitle(title) || String(id) : '');
    const post: SimPost = {
      id,
      title,
      content: fields.content ?? '',
      excerpt: fields.excerpt ?? '',
      status,
      statusBeforeTrash: null,
      slug: slugBase === '' ? '' : this.uniquePostSlug(slugBase, id),
      dateGmt: date,
      modifiedGmt: now,
      featuredMedia: this.validMedia(fields.featuredMedia),
      categories: fields.categories ? this.existingTerms(fields.categories, 'category') : [1],
      tags: fields.tags ? this.existingTerms(fields.tags, 'post_tag') : [],
      author: this.userId,
    };
    this.posts.set(id, post);
    return {
      status: 201,
      json: this.postJson(post, 'edit', base),
      headers: { location: this.restUrl(base, `wp/v2/posts/${id}`) },
      note: `post ${id} created (${post.slug || 'no slug'}, ${post.status})`,
    };
  }

  private updatePost(id: number, params: Params, auth: Auth, base: string) {
    const post = this.postOr404(id);
    const fields = this.postFields(params);
    if (!this.can(auth, 'edit_posts')) {
      throw this.denied(auth, 'rest_cannot_edit', 'Sorry, you are not allowed to edit this post.');
    }
    if (fields.status !== undefined && fields.status !== post.status) {
      if (
        (fields.status === 'publish' || fields.status === 'future') &&
        !this.can(auth, 'publish_posts')
      ) {
        throw this.denied(
          auth,
          'rest_cannot_publish',
          'Sorry, you are not allowed to publish posts in this post type.',
        );
      }
    }
    const now = this.now();
    if (fields.title !== undefined) post.title = fields.title;
    if (fields.content !== undefined) post.content = fields.content;
    if (fields.excerpt !== undefined) post.excerpt = fields.excerpt;
    if (fields.dateGmt !== undefined) post.dateGmt = fields.dateGmt;
    if (fields.status !== undefined) post.status = fields.status;
    if (post.status === 'publish' && post.dateGmt.getTime() > now.getTime()) post.status = 'future';
    if (post.status === 'future' && post.dateGmt.getTime() <= now.getTime())
      post.status = 'publish';
    if (fields.slug !== undefined && fields.slug !== post.slug)
      post.slug = this.uniquePostSlug(fields.slug, id);
    if (fields.featuredMedia !== undefined)
      post.featuredMedia = this.validMedia(fields.featuredMedia);
    if (fields.categories !== undefined)
      post.categories = this.existingTerms(fields.categories, 'category');
    if (fields.tags !== undefined) post.tags = this.existingTerms(fields.tags, 'post_tag');
    post.modifiedGmt = now;
    return { status: 200, json: this.postJson(post, 'edit', base), note: `post ${id} updated` };
  }

  private deletePost(id: number, params: Params, auth: Auth, base: string) {
    const post = this.postOr404(id);
    if (!this.can(auth, 'delete_posts')) {
      throw this.denied(
        auth,
        'rest_cannot_delete',
        'Sorry, you are not allowed to delete this post.',
      );
    }
    if (isTrue(params['force'])) {
      const previous = this.postJson(post, 'edit', base);
      this.posts.delete(id);
      return { status: 200, json: { deleted: true, previous }, note: `post ${id} deleted` };
    }
    if (post.status === 'trash') {
      throw new WpError(410, 'rest_already_trashed', 'The post has already been deleted.');
    }
    post.statusBeforeTrash = post.status;
    post.status = 'trash';
    if (post.slug !== '' && !post.slug.endsWith('__trashed')) post.slug = `${post.slug}__trashed`;
    post.modifiedGmt = this.now();
    return { status: 200, json: this.postJson(post, 'edit', base), note: `post ${id} trashed` };
  }

  private uniquePostSlug(slug: string, id: number): string {
    const taken = (candidate: string) =>
      [...this.posts.values()].some((p) => p.id !== id && p.slug === candidate);
    if (!taken(slug)) return slug;
    for (let n = 2; n < 10_000; n++) {
      const candidate = `${slug}-${n}`;
      if (!taken(candidate)) return candidate;
    }
    throw new Error('no free slug');
  }

  /** WordPress sets a thumbnail only to an existing attachment; anything else leaves none. */
  private validMedia(id: number | undefined): number {
    return id !== undefined && this.media.has(id) ? id : 0;
  }

  /** Term ids that exist in the taxonomy; WordPress drops the others silently. */
  private existingTerms(ids: number[], taxonomy: SimTerm['taxonomy']): number[] {
    return [...new Set(ids)].filter((id) => this.terms.get(id)?.taxonomy === taxonomy);
  }

  private postJson(post: SimPost, context: 'view' | 'edit', base: string): unknown {
    const link = `${base}/?p=${post.id}`;
    const date = wpDate(post.dateGmt);
    const view = {
      id: post.id,
      date,
      date_gmt: date,
      guid: { rendered: link },
      modified: wpDate(post.modifiedGmt),
      modified_gmt: wpDate(post.modifiedGmt),
      slug: post.slug,
      status: post.status,
      type: 'post',
      link,
      title: { rendered: post.title },
      content: { rendered: post.content, protected: false },
      excerpt: {
        rendered: post.excerpt === '' ? '' : `<p>${post.excerpt}</p>\n`,
        protected: false,
      },
      author: post.author,
      featured_media: post.featuredMedia,
      comment_status: 'open',
      ping_status: 'open',
      sticky: false,
      template: '',
      format: 'standard',
      meta: [],
      categories: post.categories,
      tags: post.tags,
      _links: { self: [{ href: this.restUrl(base, `wp/v2/posts/${post.id}`) }] },
    };
    if (context !== 'edit') return view;
    return {
      ...view,
      guid: { rendered: link, raw: link },
      password: '',
      title: { raw: post.title, rendered: post.title },
      content: { raw: post.content, rendered: post.content, protected: false, block_version: 0 },
      excerpt: { raw: post.excerpt, rendered: view.excerpt.rendered, protected: false },
      permalink_template: link,
      generated_slug: sanitizeTitle(post.title),
    };
  }

  // --- media -------------------------------------------------------------------------------

  private upload(request: SimRequest, params: Params, auth: Auth, base: string) {
    if (!this.can(auth, 'edit_posts')) {
      throw this.denied(
        auth,
        'rest_cannot_create',
        'Sorry, you are not allowed to create posts as this user.',
      );
    }
    if (!this.can(auth, 'upload_files')) {
      throw new WpError(
        400,
        'rest_cannot_create',
        'Sorry, you are not allowed to upload media on this site.',
      );
    }
    if (request.body.length === 0)
      throw new WpError(400, 'rest_upload_no_data', 'No data supplied.');
    if (!request.headers['content-type']) {
      throw new WpError(400, 'rest_upload_no_content_type', 'No Content-Type supplied.');
    }
    const disposition = request.headers['content-disposition'];
    if (!disposition) {
      throw new WpError(
        400,
        'rest_upload_no_content_disposition',
        'No Content-Disposition supplied.',
      );
    }
    // Node hands header bytes over as latin1: back to the UTF-8 the client sent.
    const sentName = filenameFromDisposition(Buffer.from(disposition, 'latin1').toString('utf8'));
    if (sentName === null) {
      throw new WpError(
        400,
        'rest_upload_invalid_disposition',
        'Invalid Content-Disposition supplied. Content-Disposition needs to be formatted as `attachment; filename="image.png"` or similar.',
      );
    }
    const type = IMAGE_TYPES.find((t) => t.test(request.body));
    if (!type) {
      throw new WpError(
        500,
        'rest_upload_sideload_error',
        'Sorry, you are not allowed to upload this file type.',
      );
    }
    const now = this.now();
    const folder = `/wp-content/uploads/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/`;
    const sanitized = sanitizeFileName(sentName);
    const dot = sanitized.lastIndexOf('.');
    const stem = (dot > 0 ? sanitized.slice(0, dot) : sanitized) || 'image';
    // WordPress corrects an image's extension to match its real type.
    const ext =
      dot > 0 && sanitized.slice(dot + 1).toLowerCase() === 'jpeg' && type.ext === 'jpg'
        ? 'jpeg'
        : type.ext;
    let fileName = `${stem}.${ext}`;
    for (let n = 1; [...this.media.values()].some((m) => m.path === `${folder}${fileName}`); n++) {
      fileName = `${stem}-${n}.${ext}`;
    }
    const id = this.nextPostId++;
    const media: SimMedia = {
      id,
      fileName,
      sentName,
      mimeType: type.mime,
      bytes: Buffer.from(request.body),
      altText:
        this.uploadTakesAltText && typeof params['alt_text'] === 'string' ? params['alt_text'] : '',
      title: typeof params['title'] === 'string' ? params['title'] : stem,
      path: `${folder}${fileName}`,
      dateGmt: now,
    };
    this.media.set(id, media);
    return {
      status: 201,
      json: this.mediaJson(media, base),
      headers: { location: this.restUrl(base, `wp/v2/media/${id}`) },
      note: `media ${id} uploaded (${fileName})`,
    };
  }

  private mediaOr404(id: number): SimMedia {
    const media = this.media.get(id);
    if (!media) throw new WpError(404, 'rest_post_invalid_id', 'Invalid post ID.');
    return media;
  }

  private updateMedia(id: number, params: Params, auth: Auth, base: string) {
    const media = this.mediaOr404(id);
    if (!this.can(auth, 'upload_files')) {
      throw this.denied(auth, 'rest_cannot_edit', 'Sorry, you are not allowed to edit this post.');
    }
    if (params['alt_text'] !== undefined) {
      if (typeof params['alt_text'] !== 'string') {
        new Invalid()
          .add('alt_text', 'rest_invalid_type', 'alt_text is not of type string.')
          .throwIfAny();
      }
      media.altText = String(params['alt_text']);
    }
    if (typeof params['title'] === 'string') media.title = params['title'];
    return { status: 200, json: this.mediaJson(media, base), note: `media ${id} updated` };
  }

  private deleteMedia(id: number, params: Params, auth: Auth, base: string) {
    const media = this.mediaOr404(id);
    if (!this.can(auth, 'delete_posts')) {
      throw this.denied(
        auth,
        'rest_cannot_delete',
        'Sorry, you are not allowed to delete this post.',
      );
    }
    if (!isTrue(params['force'])) {
      throw new WpError(
        501,
        'rest_trash_not_supported',
        "The post does not support trashing. Set 'force=true' to delete.",
      );
    }
    const previous = this.mediaJson(media, base);
    this.media.delete(id);
    for (const post of this.posts.values()) if (post.featuredMedia === id) post.featuredMedia = 0;
    return { status: 200, json: { deleted: true, previous }, note: `media ${id} deleted` };
  }

  private mediaJson(media: SimMedia, base: string): unknown {
    const sourceUrl = `${base}${media.path}`;
    return {
      id: media.id,
      date: wpDate(media.dateGmt),
      date_gmt: wpDate(media.dateGmt),
      slug: sanitizeTitle(media.title),
      status: 'inherit',
      type: 'attachment',
      link: `${base}/?attachment_id=${media.id}`,
      title: { rendered: media.title },
      author: this.userId,
      alt_text: media.altText,
      caption: { rendered: '' },
      media_type: 'image',
      mime_type: media.mimeType,
      media_details: {
        file: media.path.replace('/wp-content/uploads/', ''),
        filesize: media.bytes.length,
        sizes: {},
      },
      post: null,
      source_url: sourceUrl,
      _links: { self: [{ href: this.restUrl(base, `wp/v2/media/${media.id}`) }] },
    };
  }

  // --- tags --------------------------------------------------------------------------------

  private termsOf(taxonomy: SimTerm['taxonomy']): SimTerm[] {
    return [...this.terms.values()].filter((t) => t.taxonomy === taxonomy);
  }

  private listTags(params: Params, base: string) {
    const perPage = intParam(params['per_page'] ?? '10');
    if (perPage === null || perPage < 1 || perPage > 100) {
      new Invalid()
        .add(
          'per_page',
          'rest_out_of_bounds',
          'per_page must be between 1 (inclusive) and 100 (inclusive)',
        )
        .throwIfAny();
    }
    const search = typeof params['search'] === 'string' ? params['search'].toLowerCase() : '';
    const found = this.termsOf('post_tag').filter(
      (t) =>
        search === '' ||
        t.name.toLowerCase().includes(search) ||
        t.slug.includes(sanitizeTitle(search)),
    );
    return {
      status: 200,
      json: found.slice(0, perPage ?? 10).map((t) => this.termJson(t, base)),
      headers: { 'x-wp-total': String(found.length) },
    };
  }

  private createTag(params: Params, auth: Auth, base: string) {
    if (params['name'] === undefined) {
      throw new WpError(400, 'rest_missing_callback_param', 'Missing parameter(s): name', {
        status: 400,
        params: ['name'],
      });
    }
    if (typeof params['name'] !== 'string') {
      new Invalid().add('name', 'rest_invalid_type', 'name is not of type string.').throwIfAny();
    }
    if (!this.can(auth, 'edit_posts')) {
      throw this.denied(
        auth,
        'rest_cannot_create',
        'Sorry, you are not allowed to create terms in this taxonomy.',
      );
    }
    const name = String(params['name']).trim();
    if (name === '')
      throw new WpError(500, 'empty_term_name', 'A name is required for this term.', null);
    const slug = sanitizeTitle(name);
    const existing = this.termsOf('post_tag').find(
      (t) => t.name.toLowerCase() === name.toLowerCase() || t.slug === slug,
    );
    if (existing) {
      throw new WpError(
        400,
        'term_exists',
        'A term with the name provided already exists in this taxonomy.',
        { status: 400, term_id: existing.id },
        { additional_data: [existing.id, existing.id] },
      );
    }
    const term = this.addTerm('post_tag', name);
    return {
      status: 201,
      json: this.termJson(term, base),
      headers: { location: this.restUrl(base, `wp/v2/tags/${term.id}`) },
      note: `tag ${term.id} created (${name})`,
    };
  }

  private uniqueTermSlug(name: string): string {
    const base = sanitizeTitle(name) || 'term';
    let slug = base;
    for (let n = 2; [...this.terms.values()].some((t) => t.slug === slug); n++)
      slug = `${base}-${n}`;
    return slug;
  }

  private termJson(term: SimTerm, base: string): unknown {
    return {
      id: term.id,
      count: [...this.posts.values()].filter((p) =>
        (term.taxonomy === 'category' ? p.categories : p.tags).includes(term.id),
      ).length,
      description: '',
      link: `${base}/?${term.taxonomy === 'category' ? 'cat' : 'tag'}=${term.slug}`,
      name: escapeHtml(term.name),
      slug: term.slug,
      taxonomy: term.taxonomy,
      meta: [],
    };
  }

  // --- the site ----------------------------------------------------------------------------

  private file(path: string): { reply: SimReply; note?: string } {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      decoded = path;
    }
    const media = [...this.media.values()].find((m) => m.path === decoded);
    if (!media) return { reply: html(404, 'Not Found', '<h1>404 Not Found</h1>', {}) };
    return {
      reply: { status: 200, headers: { 'content-type': media.mimeType }, body: media.bytes },
    };
  }

  /** The home page (published posts) or one post (`?p=<id>`), with the API's Link header. */
  private page(request: SimRequest, base: string): { reply: SimReply; note?: string } {
    const headers = this.linkHeader(base);
    const p = request.url.searchParams.get('p');
    if (p !== null) {
      const post = this.posts.get(Number(p));
      if (!post || post.status !== 'publish') {
        return { reply: html(404, 'Page not found', '<h1>Page not found</h1>', headers) };
      }
      return {
        reply: html(
          200,
          post.title,
          `<article><h1>${escapeHtml(post.title)}</h1>${post.content}</article>`,
          headers,
        ),
      };
    }
    const items = [...this.posts.values()]
      .filter((post) => post.status === 'publish')
      .sort((a, b) => b.dateGmt.getTime() - a.dateGmt.getTime() || b.id - a.id)
      .map((post) => `<li><a href="${base}/?p=${post.id}">${escapeHtml(post.title)}</a></li>`)
      .join('');
    return {
      reply: html(200, '门户网站（沙箱）', `<h1>门户网站（沙箱）</h1><ul>${items}</ul>`, headers),
    };
  }
}

function html(
  status: number,
  title: string,
  body: string,
  headers: Record<string, string>,
): SimReply {
  return {
    status,
    headers: { ...headers, 'content-type': 'text/html; charset=UTF-8' },
    body: `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`,
  };
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function isTrue(value: unknown): boolean {
  return value === true || value === 'true' || value === '1' || value === 1;
}

function intParam(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return null;
}

function listParam(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return String(value)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
