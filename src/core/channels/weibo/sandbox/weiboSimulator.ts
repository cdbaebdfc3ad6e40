import { startSimulator } from '../../sandbox/simulatorServer.ts';
import type { SandboxChannel } from '../../sandbox/sandboxChannel.ts';
import { WeiboSim, type WeiboSimOptions } from './weiboSim.ts';

export interface WeiboSandbox extends SandboxChannel<'weibo'> {
  /** The simulated Weibo: its statuses, short links and tokens, for tests to inspect. */
  readonly sim: WeiboSim;
}

/**
 * Starts a simulated Weibo on 127.0.0.1 with one account authorised: its settings point at
 * the simulator (apiBase <url>/2), its token is the sandbox's own, its expiry date recorded.
 */
export async function startWeiboSandbox(
  options: WeiboSimOptions & { port?: number } = {},
): Promise<WeiboSandbox> {
  const sim = new WeiboSim(options);
  const running = await startSimulator('weibo', sim, {
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const { token, expiresAt } = sim.issueToken();
  // The expiry day as the office reads it (China Standard Time).
  const expiresOn = new Date(expiresAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return {
    ...running,
    channel: 'weibo',
    sim,
    account: {
      name: '微博沙盒 Weibo sandbox',
      settings: {
        channel: 'weibo',
        apiBase: `${running.url}/2`,
        tokenExpiresOn: expiresOn,
        clientIp: '127.0.0.1',
      },
      secrets: { accessToken: token },
    },
  };
}
