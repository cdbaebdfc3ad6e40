import { createHash } from 'node:crypto';
import { TokenReplySchema } from './wechatApi.ts';
import type { WechatContext } from './wechatContext.ts';
import { wechatErrorKind, type WechatErrorKind } from './wechatErrors.ts';
import { sendWechat, type WechatFailure } from './wechatRequest.ts';

/**
 * The access tokens of WeChat accounts, one holder per account in this process.
 *
 * Why module-level: WeChat issues one token per AppID, and two holders of one account (two
 * adapters built for a connection test and the dispatcher, say) must not each fetch and
 * refresh it. Tokens come from POST /cgi-bin/stable_token with force_refresh false, which
 * hands back the same token while it is valid and does not invalidate anyone else's (unlike
 * /cgi-bin/token). A holder is keyed by apiBase + AppID; a different AppSecret for the same
 * key replaces the holder, so a corrected secret is used at once.
 *
 * Contract:
 * - currentToken: the held token until REFRESH_MARGIN before it expires, then a new fetch;
 *   concurrent callers share one fetch. If that early refresh fails while the held token is
 *   still valid, the held token is used; if it hands back the same token, that token is kept
 *   until it expires (expiry is counted from before the request, so never past WeChat's).
 * - renewToken(stale): after WeChat refused `stale` (40001/40014/42001). If another caller has
 *   already replaced it, that token; else one fetch with force_refresh true (limited by
 *   WeChat to 20 a day, 30 s apart: used only here), shared by concurrent callers.
 */
export type TokenResult = { ok: true; token: string } | { ok: false; failure: WechatFailure };

interface Holder {
  secretFingerprint: string;
  token: string | null;
  /** ms since the epoch, by the clock of the adapter that fetched it. */
  refreshAt: number;
  expiresAt: number;
  inflight: Promise<TokenResult> | null;
}

const holders = new Map<string, Holder>();

/** Refresh this long before the token expires (or at half its life, if that is shorter). */
const REFRESH_MARGIN_MS = 5 * 60_000;

export async function currentToken(ctx: WechatContext): Promise<TokenResult> {
  const holder = holderOf(ctx);
  const now = ctx.clock.now().getTime();
  if (holder.token !== null && now < holder.refreshAt) return { ok: true, token: holder.token };
  return fetchShared(ctx, holder, false);
}

export async function renewToken(ctx: WechatContext, stale: string): Promise<TokenResult> {
  const holder = holderOf(ctx);
  if (holder.inflight !== null) {
    const shared = await holder.inflight;
    if (!shared.ok || shared.token !== stale) return shared;
  }
  const now = ctx.clock.now().getTime();
  if (holder.token !== null && holder.token !== stale && now < holder.expiresAt) {
    return { ok: true, token: holder.token };
  }
  return fetchShared(ctx, holder, true);
}

/** Forgets every held token (tests; an account removed or re-keyed). */
export function forgetWechatTokens(): void {
  holders.clear();
}

function holderOf(ctx: WechatContext): Holder {
  const key = `${ctx.apiBase}|${ctx.settings.appId}`;
  const secretFingerprint = createHash('sha256').update(ctx.appSecret).digest('hex');
  const found = holders.get(key);
  if (found !== undefined && found.secretFingerprint === secretFingerprint) return found;
  const fresh: Holder = {
    secretFingerprint,
    token: null,
    refreshAt: 0,
    expiresAt: 0,
    inflight: null,
  };
  holders.set(key, fresh);
  return fresh;
}

function fetchShared(ctx: WechatContext, holder: Holder, force: boolean): Promise<TokenResult> {
  if (holder.inflight !== null) return holder.inflight;
  const run = (async (): Promise<TokenResult> => {
    const startedAt = ctx.clock.now().getTime();
    const result = await sendWechat(ctx, {
      path: '/cgi-bin/stable_token',
      body: {
        type: 'json',
        value: {
          grant_type: 'client_credential',
          appid: ctx.settings.appId,
          secret: ctx.appSecret,
          force_refresh: force,
        },
      },
      schema: TokenReplySchema,
      repeatable: true,
      kindOf: tokenErrorKind,
    });
    if (result.kind === 'ok') {
      const lifeMs = result.value.expires_in * 1000;
      // WeChat handed back the token already held (an early refresh): keep it to its end,
      // after which stable_token issues a new one.
      const same = holder.token === result.value.access_token;
      holder.token = result.value.access_token;
      holder.expiresAt = startedAt + lifeMs;
      holder.refreshAt = same
        ? holder.expiresAt
        : startedAt + lifeMs - Math.min(REFRESH_MARGIN_MS, lifeMs / 2);
      return { ok: true, token: holder.token };
    }
    const now = ctx.clock.now().getTime();
    if (!force && holder.token !== null && now < holder.expiresAt) {
      return { ok: true, token: holder.token };
    }
    // The call that wanted the token was never sent.
    const failure: WechatFailure = result.kind === 'no-answer' ? { ...result, done: 'no' } : result;
    return { ok: false, failure };
  })();
  holder.inflight = run;
  const clear = (): void => {
    if (holder.inflight === run) holder.inflight = null;
  };
  run.then(clear, clear);
  return run;
}

/** From the token endpoint, 40001 "invalid credential" means the AppSecret is wrong. */
function tokenErrorKind(errcode: number): WechatErrorKind {
  const kind = wechatErrorKind(errcode);
  return kind === 'token' ? 'credentials' : kind;
}
