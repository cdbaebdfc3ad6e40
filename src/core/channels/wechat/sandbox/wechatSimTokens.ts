import { randomBytes } from 'node:crypto';

/** Token lifetime WeChat gives (expires_in). */
export const TOKEN_LIFETIME_S = 7200;
/** After /cgi-bin/token or a forced stable_token, the previous token works this much longer. */
export const TOKEN_OVERLAP_MS = 5 * 60_000;
/** force_refresh: at most this many a day, this far apart. */
export const FORCE_REFRESH_PER_DAY = 20;
export const FORCE_REFRESH_GAP_MS = 30_000;

interface SimToken {
  family: 'stable' | 'basic';
  expiresAt: number;
  /** When it stops working before its expiry (replaced, or every token invalidated). */
  invalidAt: number | null;
}

export type TokenCheck =
  { ok: true } | { ok: false; errcode: 40001 | 41001 | 42001; errmsg: string };
export type TokenGrant =
  | { ok: true; token: string; expiresIn: number; note: string }
  | { ok: false; errcode: number; errmsg: string };

/**
 * The access tokens of the sandbox account, as shared/channels/wechat.md describes them:
 * - stable_token, force_refresh false: the current stable token while it works (with the
 *   seconds it has left), else a new one; other holders are not disturbed;
 * - stable_token, force_refresh true: a new token; the previous one works TOKEN_OVERLAP_MS
 *   more [unverified: WeChat documents the overlap for /cgi-bin/token]; limited to 20 a day,
 *   30 s apart (45009 / 45011);
 * - /cgi-bin/token: a new token on every call; the previous token of that family works
 *   TOKEN_OVERLAP_MS more. The two families do not affect each other;
 * - expireAll (the expire-token fault): every token stops working now.
 */
export class SimTokens {
  /** Forced stable_token refreshes so far, for tests. */
  forcedRefreshes = 0;
  /** Tokens issued so far (both families), for tests. */
  issued = 0;
  private readonly tokens = new Map<string, SimToken>();
  private current: Record<SimToken['family'], string | null> = { stable: null, basic: null };
  private readonly forcedAt: number[] = [];

  check(token: string | null, now: number): TokenCheck {
    if (token === null || token === '') {
      return { ok: false, errcode: 41001, errmsg: 'access_token missing' };
    }
    const held = this.tokens.get(token);
    if (held === undefined || (held.invalidAt !== null && now >= held.invalidAt)) {
      return {
        ok: false,
        errcode: 40001,
        errmsg: 'invalid credential, access_token is invalid or not latest',
      };
    }
    if (now >= held.expiresAt) return { ok: false, errcode: 42001, errmsg: 'access_token expired' };
    return { ok: true };
  }

  stable(force: boolean, now: number): TokenGrant {
    if (force) {
      const today = this.forcedAt.filter((at) => now - at < 86_400_000);
      const last = today[today.length - 1];
      if (last !== undefined && now - last < FORCE_REFRESH_GAP_MS) {
        return {
          ok: false,
          errcode: 45011,
          errmsg: 'api minute-quota reach limit  mustslower  retry next minute',
        };
      }
      if (today.length >= FORCE_REFRESH_PER_DAY) {
        return { ok: false, errcode: 45009, errmsg: 'reach max api daily quota limit' };
      }
      this.forcedAt.push(now);
      this.forcedRefreshes++;
      return this.issue('stable', now, 'stable token force-refreshed');
    }
    const currentToken = this.current.stable;
    const held = currentToken === null ? undefined : this.tokens.get(currentToken);
    if (
      currentToken !== null &&
      held !== undefined &&
      now < held.expiresAt &&
      (held.invalidAt === null || now < held.invalidAt)
    ) {
      return {
        ok: true,
        token: currentToken,
        expiresIn: Math.max(1, Math.floor((held.expiresAt - now) / 1000)),
        note: 'stable token handed back',
      };
    }
    return this.issue('stable', now, 'stable token issued');
  }

  basic(now: number): TokenGrant {
    return this.issue('basic', now, 'token issued (the previous one works 5 more minutes)');
  }

  expireAll(now: number): void {
    for (const token of this.tokens.values()) token.invalidAt = now;
  }

  private issue(family: SimToken['family'], now: number, note: string): TokenGrant {
    const previous = this.current[family];
    const held = previous === null ? undefined : this.tokens.get(previous);
    if (held !== undefined) {
      const until = now + TOKEN_OVERLAP_MS;
      held.invalidAt = held.invalidAt === null ? until : Math.min(held.invalidAt, until);
    }
    const token = `${this.issued + 1}_sandbox${randomBytes(24).toString('base64url')}`;
    this.tokens.set(token, { family, expiresAt: now + TOKEN_LIFETIME_S * 1000, invalidAt: null });
    this.current[family] = token;
    this.issued++;
    return { ok: true, token, expiresIn: TOKEN_LIFETIME_S, note };
  }
}
