import { describe, expect, it } from 'vitest';
import type { WpError } from '../../../../../src/core/channels/portal/wordpressApi.ts';
import {
  wpErrorKind,
  wpErrorProblem,
  wpSaid,
  type WpErrorKind,
} from '../../../../../src/core/channels/portal/wordpressErrors.ts';

const error = (
  code: string,
  status: number | null,
  extra: Partial<NonNullable<WpError['data']>> = {},
): WpError => ({
  code,
  message: `message of ${code}`,
  data: status === null ? null : { status, ...extra },
});

describe('wpErrorKind (by code and status, never by message)', () => {
  it.each<[WpError, number, WpErrorKind]>([
    [error('rest_not_logged_in', 401), 401, 'reauthorize'],
    [error('incorrect_password', 401), 401, 'reauthorize'],
    [error('invalid_username', 401), 401, 'reauthorize'],
    [error('invalid_email', 401), 401, 'reauthorize'],
    [error('application_passwords_disabled', 401), 401, 'reauthorize'],
    [error('application_passwords_disabled_for_user', 401), 401, 'reauthorize'],
    [error('rest_cannot_create', 401), 401, 'reauthorize'],
    [error('rest_forbidden', 401), 401, 'reauthorize'],
    [error('rest_cannot_publish', 403), 403, 'forbidden'],
    [error('rest_cannot_create', 400), 400, 'forbidden'],
    [error('rest_invalid_param', 400, { params: { status: 'x' } }), 400, 'invalid'],
    [error('rest_missing_callback_param', 400), 400, 'invalid'],
    [error('rest_invalid_json', 400), 400, 'invalid'],
    [error('empty_term_name', null), 500, 'invalid'],
    [error('rest_upload_invalid_disposition', 400), 400, 'invalid'],
    [error('rest_upload_sideload_error', 500), 500, 'upload-refused'],
    [error('rest_upload_file_too_big', 400), 400, 'upload-refused'],
    [error('rest_post_invalid_id', 404), 404, 'not-found'],
    [error('rest_no_route', 404), 404, 'no-route'],
    [error('rest_already_trashed', 410), 410, 'already-trashed'],
    [error('rest_trash_not_supported', 501), 501, 'trash-not-supported'],
    [error('term_exists', 400, { term_id: 5 }), 400, 'term-exists'],
    [error('too_many_requests', 429), 429, 'rate-limit'],
    [error('db_insert_error', 500), 500, 'server'],
    [error('some_plugin_error', 503), 503, 'server'],
    [error('some_plugin_error', 409), 409, 'other'],
  ])('%j (HTTP %i) → %s', (wpError, status, kind) => {
    expect(wpErrorKind(wpError, status)).toBe(kind);
  });

  it('reads a status list refused as rest_forbidden_status: 401 reauthorise, 403 forbidden', () => {
    const refused = (status: number): WpError => ({
      code: 'rest_invalid_param',
      message: 'Invalid parameter(s): status',
      data: {
        status: 400,
        params: { status: 'Status is forbidden.' },
        details: { status: { code: 'rest_forbidden_status', data: { status } } },
      },
    });
    expect(wpErrorKind(refused(401), 400)).toBe('reauthorize');
    expect(wpErrorKind(refused(403), 400)).toBe('forbidden');
  });

  it('does not depend on the (translated) message', () => {
    const zh: WpError = {
      code: 'rest_not_logged_in',
      message: '您目前没有登录。',
      data: { status: 401 },
    };
    expect(wpErrorKind(zh, 401)).toBe('reauthorize');
  });
});

describe('wpErrorProblem', () => {
  const kinds: WpErrorKind[] = [
    'reauthorize',
    'forbidden',
    'invalid',
    'upload-refused',
    'not-found',
    'no-route',
    'already-trashed',
    'trash-not-supported',
    'term-exists',
    'rate-limit',
    'server',
    'other',
  ];

  it.each(kinds)(
    '%s: full sentences in both languages, the code and what WordPress said kept',
    (kind) => {
      const problem = wpErrorProblem(
        error('some_code', 400, { params: { tags: 'bad' } }),
        kind,
        400,
      );
      expect(problem.channel).toBe('portal');
      expect(problem.code).toBe('portal.some_code');
      expect(problem.message.zh).toMatch(/[。]$/);
      expect(problem.message.en).toMatch(/[.]$/);
      expect(problem.channelSaid).toBe('some_code: message of some_code (tags: bad)');
    },
  );

  it('tells how to fix application passwords (HTTPS or local, Apache dropping Authorization)', () => {
    const problem = wpErrorProblem(
      error('application_passwords_disabled', 401),
      'reauthorize',
      401,
    );
    expect(problem.message.en).toContain('HTTPS');
    expect(problem.message.en).toContain("WP_ENVIRONMENT_TYPE to 'local'");
    expect(problem.message.en).toContain('CGIPassAuth on');
    expect(problem.message.zh).toContain('CGIPassAuth on');
  });

  it('names the refused parameters', () => {
    const problem = wpErrorProblem(
      error('rest_invalid_param', 400, { params: { categories: 'no', date_gmt: 'Invalid date.' } }),
      'invalid',
      400,
    );
    expect(problem.message.en).toContain('categories, date_gmt');
    expect(problem.message.zh).toContain('categories, date_gmt');
  });

  it('wpSaid keeps non-string reasons readable', () => {
    expect(wpSaid({ code: 'c', message: 'm', data: { params: { a: { x: 1 } } } })).toBe(
      'c: m (a: {"x":1})',
    );
  });
});
