import { MASTODON_DEFAULT_MAX_CHARACTERS } from '../../content/render/mastodonLength.ts';
import { MastodonInstanceSchema } from './mastodonApi.ts';
import { mastodonCall, mastodonFailure, type CallFailure } from './mastodonCall.ts';
import type { MastodonContext } from './mastodonContext.ts';

/** Mastodon's own ceiling on attachments per status (not configurable before 4.x). */
export const MASTODON_MAX_MEDIA = 4;

/** What PressDesk checks a post against before sending it. */
export interface InstanceLimits {
  maxCharacters: number;
  maxMedia: number;
  /** null: the instance does not say. */
  supportedMimeTypes: readonly string[] | null;
  imageSizeLimit: number | null;
  version: string | null;
  /** The instance has no /api/v2/instance (before 4.0): the defaults are assumed. */
  assumed: boolean;
}

/**
 * The instance's limits from GET /api/v2/instance, read once per adapter (ctx.limits). An
 * instance without that endpoint (404: Mastodon before 4.0) is taken to have the defaults
 * (500 characters, 4 attachments); any other failure is the call's outcome.
 */
export async function instanceLimits(
  ctx: MastodonContext,
): Promise<{ ok: true; limits: InstanceLimits } | { ok: false; failure: CallFailure }> {
  if (ctx.limits) return { ok: true, limits: ctx.limits };
  const result = await mastodonCall(
    ctx.http,
    { method: 'GET', url: ctx.endpoint('/api/v2/instance'), headers: ctx.headers() },
    MastodonInstanceSchema,
  );
  if (result.kind === 'http-error' && result.status === 404) {
    ctx.limits = {
      maxCharacters: MASTODON_DEFAULT_MAX_CHARACTERS,
      maxMedia: MASTODON_MAX_MEDIA,
      supportedMimeTypes: null,
      imageSizeLimit: null,
      version: null,
      assumed: true,
    };
    return { ok: true, limits: ctx.limits };
  }
  if (result.kind !== 'ok') {
    return { ok: false, failure: mastodonFailure(result, true, ctx.clock.now()) };
  }
  const { configuration, version } = result.value;
  ctx.limits = {
    maxCharacters: configuration.statuses.max_characters,
    maxMedia: Math.min(
      MASTODON_MAX_MEDIA,
      configuration.statuses.max_media_attachments ?? MASTODON_MAX_MEDIA,
    ),
    supportedMimeTypes: configuration.media_attachments?.supported_mime_types ?? null,
    imageSizeLimit: configuration.media_attachments?.image_size_limit ?? null,
    version: version ?? null,
    assumed: false,
  };
  return { ok: true, limits: ctx.limits };
}
