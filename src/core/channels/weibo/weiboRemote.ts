import type { RemoteRef } from '../adapter.ts';
import type { WeiboStatus } from './weiboApi.ts';

/**
 * Where a status lives: its idstr, and https://weibo.com/<uid>/<mid or idstr> when the reply
 * names the author (the web client also accepts the numeric id in place of its base-62 form
 * [unverified]); null when it does not (trim_user).
 */
export function weiboRemote(status: WeiboStatus): RemoteRef {
  const uid = status.user ? (status.user.idstr ?? String(status.user.id)) : null;
  return {
    remoteId: status.idstr,
    url: uid === null ? null : `https://weibo.com/${uid}/${status.mid ?? status.idstr}`,
  };
}
