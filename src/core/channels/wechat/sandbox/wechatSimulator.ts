import { startSimulator } from '../../sandbox/simulatorServer.ts';
import type { SandboxChannel } from '../../sandbox/sandboxChannel.ts';
import { WechatSim, type WechatSimOptions } from './wechatSim.ts';

export interface WechatSandbox extends SandboxChannel<'wechat'> {
  /** The simulated account: tokens, images, materials, drafts, jobs, articles, and controls. */
  readonly state: WechatSim;
}

/**
 * Starts a simulated WeChat Official Account API on 127.0.0.1 with one account: its settings
 * point at the simulator, its AppID and AppSecret are the sandbox's own, and this computer is
 * on its IP whitelist.
 */
export async function startWechatSandbox(
  options: WechatSimOptions & { port?: number } = {},
): Promise<WechatSandbox> {
  const state = new WechatSim(options);
  const running = await startSimulator('wechat', state, {
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  return {
    ...running,
    channel: 'wechat',
    state,
    account: {
      name: '微信公众号沙箱 WeChat sandbox',
      settings: {
        channel: 'wechat',
        apiBase: running.url,
        appId: state.appId,
        openComment: false,
      },
      secrets: { appSecret: state.appSecret },
    },
  };
}
