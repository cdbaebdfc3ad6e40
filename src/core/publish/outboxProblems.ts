import { CHANNEL_NAMES, type ChannelId } from '../../shared/content/channelId.ts';
import type { ChannelProblem } from '../channels/channelProblem.ts';
import { problem } from '../channels/channelProblem.ts';

/**
 * The problems the outbox itself reports (as opposed to a channel's), each a sentence a press
 * officer can act on. Codes begin with `outbox.`.
 */

const hours = (ms: number) => Math.round(ms / 3_600_000);
const minutes = (ms: number) => Math.round(ms / 60_000);

export function gaveUpProblem(
  channel: ChannelId,
  attempts: number,
  ageMs: number,
  last: ChannelProblem | null,
): ChannelProblem {
  const name = CHANNEL_NAMES[channel];
  const lastZh = last ? `最后一次的错误：${last.message.zh}` : '没有记录到具体错误。';
  const lastEn = last ? `The last error: ${last.message.en}` : 'No specific error was recorded.';
  return problem(
    channel,
    'outbox.gave-up',
    `PressDesk 在 ${hours(ageMs)} 小时内尝试发布到${name.zh} ${attempts} 次，均未成功，已停止自动重试。${lastZh} 请检查网络和渠道状态，然后点“立即发送”重新发布，或取消。`,
    `PressDesk tried ${attempts} times over ${hours(ageMs)} hours to publish this to ${name.en} and has stopped retrying by itself. ${lastEn} Check the network and the channel, then choose "Send now" to try again, or cancel it.`,
    last?.channelSaid,
  );
}

export function statusGaveUpProblem(
  channel: ChannelId,
  ageMs: number,
  last: ChannelProblem | null,
): ChannelProblem {
  const name = CHANNEL_NAMES[channel];
  return problem(
    channel,
    'outbox.status-gave-up',
    `${name.zh}已接收这条发布，但 ${hours(ageMs)} 小时后仍未告知是否发布完成，PressDesk 已停止查询。请在${name.zh}后台查看：如已发布，请标记为已发布并填写地址；如没有，再立即发送。`,
    `${capitalized(name.en)} accepted this publication but, after ${hours(ageMs)} hours, has still not said whether it is published, so PressDesk stopped asking. Look on ${name.en}: if it is there, mark it as published with its address; if not, send it again.`,
    last?.channelSaid,
  );
}

export function noAdapterProblem(channel: ChannelId, accountName: string): ChannelProblem {
  const name = CHANNEL_NAMES[channel];
  return problem(
    channel,
    'outbox.no-adapter',
    `账号“${accountName}”现在无法使用（账号已删除，或本次启动没有开启沙箱渠道），所以没有发布到${name.zh}。请检查渠道账号（沙箱账号需用沙箱渠道启动），然后立即发送或取消。`,
    `The account "${accountName}" cannot be used now (it was removed, or this session runs without the sandbox channels), so nothing was published to ${name.en}. Check the channel accounts (sandbox accounts need the sandbox channels running), then send it now or cancel it.`,
  );
}

export function noAdapterUnknownProblem(channel: ChannelId, accountName: string): ChannelProblem {
  const name = CHANNEL_NAMES[channel];
  return problem(
    channel,
    'outbox.no-adapter',
    `账号“${accountName}”现在无法使用，PressDesk 无法向${name.zh}核实这条发布是否已经发出。请在${name.zh}上查看：如已发布，请标记为已发布并填写地址；如没有，请恢复账号后立即发送。`,
    `The account "${accountName}" cannot be used now, so PressDesk cannot ask ${name.en} whether this publication went out. Look on ${name.en}: if it is there, mark it as published with its address; if not, restore the account and send it again.`,
  );
}

export function postProblem(channel: ChannelId, error: unknown): ChannelProblem {
  const name = CHANNEL_NAMES[channel];
  return problem(
    channel,
    'outbox.post-unavailable',
    `无法准备要发布到${name.zh}的内容（稿件的定稿版本或其中的图片读取失败），因此没有发出任何内容。请打开稿件检查图片和内容，然后立即发送或取消。`,
    `The post for ${name.en} could not be prepared (the pinned revision of the release or one of its images could not be read), so nothing was sent. Open the release, check its images and content, then send it now or cancel it.`,
    error instanceof Error ? error.message : String(error),
  );
}

export function defectProblem(channel: ChannelId, error: unknown): ChannelProblem {
  const name = CHANNEL_NAMES[channel];
  return problem(
    channel,
    'outbox.defect',
    `与${name.zh}通信时 PressDesk 内部出错，无法确定这次请求是否已到达渠道。PressDesk 会先向渠道核实；如仍无法确定，将请您决定。请把日志发给技术支持。`,
    `PressDesk failed internally while talking to ${name.en}, so it is not certain whether the request reached the channel. PressDesk will ask the channel first and, if it still cannot tell, ask you to decide. Please send the log to support.`,
    error instanceof Error ? error.message : String(error),
  );
}

export function interruptedProblem(channel: ChannelId): ChannelProblem {
  const name = CHANNEL_NAMES[channel];
  return problem(
    channel,
    'outbox.interrupted',
    `PressDesk 在向${name.zh}发送时被关闭，无法确定是否已经发出。PressDesk 会先向渠道核实，再决定是否重新发送。`,
    `PressDesk was closed while sending this to ${name.en}, so it is not certain whether it went out. PressDesk asks the channel first, and sends it again only if it is not there.`,
  );
}

export function missedProblem(channel: ChannelId, windowMs: number): ChannelProblem {
  const name = CHANNEL_NAMES[channel];
  return problem(
    channel,
    'outbox.missed',
    `预定的发布时间已经过去超过 ${minutes(windowMs)} 分钟（PressDesk 当时已关闭、休眠、离线或暂停发布），为避免意外地推迟发布，这条没有发到${name.zh}。请选择立即发送、改期或取消。`,
    `Its scheduled time passed more than ${minutes(windowMs)} minutes ago (PressDesk was closed, asleep, offline or paused), so it was not published to ${name.en} late by surprise. Send it now, reschedule it, or cancel it.`,
  );
}

export function heldForReauthProblem(
  channel: ChannelId,
  accountName: string,
  cause: ChannelProblem,
): ChannelProblem {
  const name = CHANNEL_NAMES[channel];
  return problem(
    channel,
    'outbox.account-needs-reauth',
    `${name.zh}拒绝了账号“${accountName}”的凭据，这条发布已暂停，没有发送。请在“渠道账号”中更新该账号的凭据，然后立即发送。原因：${cause.message.zh}`,
    `${capitalized(name.en)} refused the credentials of the account "${accountName}", so this publication was held and not sent. Renew the account's credentials in Channel accounts, then send it now. The reason: ${cause.message.en}`,
    cause.channelSaid,
  );
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
