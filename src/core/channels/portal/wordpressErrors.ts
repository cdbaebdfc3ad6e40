import { problem, type ChannelProblem } from '../channelProblem.ts';
import type { WpError } from './wordpressApi.ts';

/**
 * What a WordPress error means for PressDesk. Decided by the error's `code` and status, never
 * by its message (messages are translated into the site's language):
 * - reauthorize: the credentials were refused. rest_not_logged_in (what WordPress 6.1 answers
 *   to wrong credentials on a GET: it treats the request as anonymous), incorrect_password,
 *   invalid_username, invalid_email, application_passwords_disabled(_for_user), any other
 *   error whose status is 401 (rest_cannot_create and friends on writes), and a status list
 *   refused as rest_forbidden_status with 401 (a slug lookup made as nobody);
 * - forbidden: the user is known but lacks the right (403: rest_cannot_publish, ...; and
 *   rest_cannot_create with 400, WordPress's answer to an upload by a user who may not upload);
 * - invalid: the request itself was refused (rest_invalid_param with its params,
 *   rest_missing_callback_param, rest_invalid_json, empty_term_name, which WordPress answers
 *   with 500, and the upload header errors);
 * - upload-refused: the file was refused (type not allowed, too big, no space): 500
 *   rest_upload_sideload_error included, which does not heal by retrying;
 * - not-found: rest_post_invalid_id (and the other *_invalid_id), HTTP 404;
 * - no-route: rest_no_route: the REST root is wrong or the API is turned off;
 * - already-trashed: 410 rest_already_trashed; trash-not-supported: 501;
 * - term-exists: a tag of that name exists (data.term_id has its id);
 * - rate-limit: 429 (a proxy or a security plugin); server: any other 5xx (db_insert_error
 *   included: WordPress could not write), later;
 * - other: anything else, a person looks.
 */
export type WpErrorKind =
  | 'reauthorize'
  | 'forbidden'
  | 'invalid'
  | 'upload-refused'
  | 'not-found'
  | 'no-route'
  | 'already-trashed'
  | 'trash-not-supported'
  | 'term-exists'
  | 'rate-limit'
  | 'server'
  | 'other';

const AUTH_CODES = new Set([
  'rest_not_logged_in',
  'incorrect_password',
  'invalid_username',
  'invalid_email',
  'application_passwords_disabled',
  'application_passwords_disabled_for_user',
]);
const INVALID_CODES = new Set([
  'rest_invalid_param',
  'rest_missing_callback_param',
  'rest_invalid_json',
  'rest_invalid_featured_media',
  'empty_term_name',
  'rest_upload_no_data',
  'rest_upload_no_content_type',
  'rest_upload_no_content_disposition',
  'rest_upload_invalid_disposition',
  'rest_upload_hash_mismatch',
]);
const UPLOAD_REFUSED_CODES = new Set([
  'rest_upload_sideload_error',
  'rest_upload_file_too_big',
  'rest_upload_limited_space',
  'rest_upload_user_quota_exceeded',
  'rest_upload_file_error',
]);
const NOT_FOUND_CODES = new Set([
  'rest_post_invalid_id',
  'rest_term_invalid',
  'rest_user_invalid_id',
]);

/** The status a refused parameter carries (rest_forbidden_status: 401 anonymous, 403 not allowed). */
function forbiddenStatusOf(error: WpError): number | undefined {
  for (const detail of Object.values(error.data?.details ?? {})) {
    if (detail.code === 'rest_forbidden_status') return detail.data?.status ?? 401;
  }
  return undefined;
}

export function wpErrorKind(error: WpError, httpStatus: number): WpErrorKind {
  const code = error.code;
  if (AUTH_CODES.has(code)) return 'reauthorize';
  if (code === 'term_exists') return 'term-exists';
  if (code === 'rest_already_trashed') return 'already-trashed';
  if (code === 'rest_trash_not_supported') return 'trash-not-supported';
  if (code === 'rest_no_route') return 'no-route';
  if (NOT_FOUND_CODES.has(code)) return 'not-found';
  if (UPLOAD_REFUSED_CODES.has(code)) return 'upload-refused';
  if (code === 'rest_invalid_param') {
    const forbidden = forbiddenStatusOf(error);
    if (forbidden === 401) return 'reauthorize';
    if (forbidden === 403) return 'forbidden';
  }
  if (INVALID_CODES.has(code)) return 'invalid';
  const status = error.data?.status ?? httpStatus;
  if (status === 401 || httpStatus === 401) return 'reauthorize';
  if (status === 403 || httpStatus === 403) return 'forbidden';
  // rest_cannot_create for an upload by a user without upload_files comes with 400.
  if (/^rest_(cannot|forbidden)/.test(code)) return 'forbidden';
  if (httpStatus === 429 || status === 429) return 'rate-limit';
  if (httpStatus >= 500 || status >= 500) return 'server';
  if (httpStatus === 404 || status === 404) return 'not-found';
  return 'other';
}

/** What WordPress said, for the history: code, message and refused parameters. */
export function wpSaid(error: WpError): string {
  const params = error.data?.params;
  const detail =
    params === undefined
      ? ''
      : ` (${Object.entries(params)
          .map(
            ([name, reason]) =>
              `${name}: ${typeof reason === 'string' ? reason : JSON.stringify(reason)}`,
          )
          .join('; ')})`;
  return `${error.code}: ${error.message}${detail}`;
}

function paramNames(error: WpError): string {
  return Object.keys(error.data?.params ?? {}).join(', ');
}

const APP_PASSWORD_HELP_ZH =
  '应用密码只能在 HTTPS 站点上使用（或 wp-config 中 WP_ENVIRONMENT_TYPE 为 local 的站点）；如果站点用 Apache 加 PHP-FPM，Apache 可能丢弃了 Authorization 请求头，需要站点管理员设置 CGIPassAuth on 或 SetEnvIf Authorization。';
const APP_PASSWORD_HELP_EN =
  "Application passwords work only on HTTPS sites (or where wp-config sets WP_ENVIRONMENT_TYPE to 'local'); on Apache with PHP-FPM, Apache may drop the Authorization header unless the site's administrator sets CGIPassAuth on or SetEnvIf Authorization.";

/** The problem a WordPress error becomes, in words a press officer can act on. */
export function wpErrorProblem(
  error: WpError,
  kind: WpErrorKind,
  httpStatus: number,
): ChannelProblem {
  const said = wpSaid(error);
  const code = `portal.${error.code}`;
  const make = (zh: string, en: string) => problem('portal', code, zh, en, said);
  switch (kind) {
    case 'reauthorize':
      switch (error.code) {
        case 'incorrect_password':
          return make(
            'WordPress 拒绝了这个应用密码（密码有误或已被撤销）。请在 WordPress 后台“用户 → 个人资料 → 应用密码”中新建一个应用密码，填入渠道账号后再试。',
            'WordPress refused the application password (wrong, or revoked). Create a new one in WordPress under Users → Profile → Application Passwords, enter it in the channel account, and try again.',
          );
        case 'invalid_username':
        case 'invalid_email':
          return make(
            'WordPress 没有这个用户名。请在渠道账号中填写 WordPress 的登录用户名（不是显示名称）。',
            'WordPress has no user of that name. Enter the WordPress login name (not the display name) in the channel account.',
          );
        case 'application_passwords_disabled':
        case 'application_passwords_disabled_for_user':
          return make(
            `这个 WordPress 站点不接受应用密码。${APP_PASSWORD_HELP_ZH}请改用站点的 https 地址，或请站点管理员启用应用密码。`,
            `This WordPress site does not accept application passwords. ${APP_PASSWORD_HELP_EN} Use the site's https address, or ask its administrator to enable application passwords.`,
          );
        default:
          return make(
            `WordPress 没有接受这组用户名和应用密码，把请求当作未登录处理。请检查渠道账号中的用户名和应用密码。${APP_PASSWORD_HELP_ZH}`,
            `WordPress did not accept the user name and application password and treated the request as not logged in. Check both in the channel account. ${APP_PASSWORD_HELP_EN}`,
          );
      }
    case 'forbidden':
      return make(
        '这个 WordPress 用户没有执行此操作的权限（例如发布文章或上传图片）。请站点管理员给它“编辑”（或“作者”）角色。',
        'This WordPress user is not allowed to do this (e.g. publish posts or upload images). Ask the site’s administrator to give it the Editor (or Author) role.',
      );
    case 'invalid': {
      const params = paramNames(error);
      return params === ''
        ? make(
            `WordPress 拒绝了这个请求（${error.code}）。请检查稿件内容和渠道账号设置；如仍失败，请联系技术支持。`,
            `WordPress refused the request (${error.code}). Check the release and the channel account's settings; if it keeps failing, contact technical support.`,
          )
        : make(
            `WordPress 拒绝了请求中的参数：${params}。请检查稿件内容和渠道账号中的分类设置；如仍失败，请联系技术支持。`,
            `WordPress refused these parameters of the request: ${params}. Check the release and the categories in the channel account; if it keeps failing, contact technical support.`,
          );
    }
    case 'upload-refused':
      return make(
        'WordPress 拒绝了图片文件：文件类型不被允许、文件过大、站点空间不足，或站点的上传目录不可写。请换用 JPEG 或 PNG 图片，或请站点管理员检查上传设置。',
        'WordPress refused the image file: a type it does not allow, too large, no space left, or an upload folder it cannot write. Use a JPEG or PNG image, or ask the site’s administrator to check the upload settings.',
      );
    case 'not-found':
      return make(
        'WordPress 上找不到这篇文章，可能已在站点后台被永久删除。',
        'WordPress has no such post: it may have been deleted permanently in the site’s dashboard.',
      );
    case 'no-route':
      return make(
        'WordPress 的 REST API 没有这个接口：站点地址可能有误，或 REST API 被插件关闭。请检查渠道账号中的站点地址，或请站点管理员开放 REST API。',
        'The WordPress REST API has no such route: the site address may be wrong, or a plugin turned the REST API off. Check the site address in the channel account, or ask the site’s administrator to open the REST API.',
      );
    case 'already-trashed':
      return make(
        '这篇文章已经在 WordPress 的回收站里。',
        'The post is already in the WordPress trash.',
      );
    case 'trash-not-supported':
      return make(
        'WordPress 不支持把这类内容移到回收站，只能永久删除。',
        'WordPress cannot move this kind of item to the trash; it can only delete it for good.',
      );
    case 'term-exists':
      return make('WordPress 中已有同名标签。', 'WordPress already has a tag of that name.');
    case 'rate-limit':
      return make(
        '门户网站暂时限制了请求频率。',
        'The portal is limiting how often it may be called for now.',
      );
    case 'server':
      return make(
        `门户网站的 WordPress 出错了（HTTP ${httpStatus}）。`,
        `The portal's WordPress failed (HTTP ${httpStatus}).`,
      );
    case 'other':
      return make(
        `WordPress 拒绝了请求（HTTP ${httpStatus}，${error.code}）。请查看 WordPress 的答复，必要时联系站点管理员。`,
        `WordPress refused the request (HTTP ${httpStatus}, ${error.code}). Read what WordPress said and, if needed, ask the site's administrator.`,
      );
    default: {
      const never: never = kind;
      throw new Error(`unhandled WordPress error kind ${String(never)}`);
    }
  }
}
