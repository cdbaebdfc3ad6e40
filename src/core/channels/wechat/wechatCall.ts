import type { z } from 'zod';
import type { WechatContext } from './wechatContext.ts';
import { sendWechat, type WechatCallResult, type WechatRequest } from './wechatRequest.ts';
import { currentToken, renewToken } from './wechatTokens.ts';

/** Pause before the one in-call repeat of a repeatable call that met -1 (system busy). */
export const BUSY_PAUSE_MS = 2_000;

/**
 * One authorised API call (access_token in the query, from the account's token holder).
 * - A refused token (40001/40014/42001/41001) is renewed once and the call sent once more:
 *   WeChat refused the first one, so repeating it cannot make a second copy. A second refusal
 *   is returned as it is (failed, reauthorize).
 * - -1 (system busy) on a repeatable call is tried once more after BUSY_PAUSE_MS; beyond that
 *   (and always for calls that are not repeatable) the outbox retries later.
 * A token that cannot be obtained is returned as the call's own failure (`done: 'no'`).
 */
export async function callWechat<S extends z.ZodType>(
  ctx: WechatContext,
  request: WechatRequest<S>,
): Promise<WechatCallResult<z.output<S>>> {
  const first = await currentToken(ctx);
  if (!first.ok) return first.failure;
  let token = first.token;
  let result = await sendWechat(ctx, request, token);
  if (result.kind === 'refused' && result.errorKind === 'token') {
    const renewed = await renewToken(ctx, token);
    if (!renewed.ok) return renewed.failure;
    token = renewed.token;
    result = await sendWechat(ctx, request, token);
  }
  if (result.kind === 'refused' && result.errorKind === 'busy' && request.repeatable) {
    await ctx.sleep(BUSY_PAUSE_MS);
    result = await sendWechat(ctx, request, token);
  }
  return result;
}
