import type { SandboxChannel } from '../../sandbox/sandboxChannel.ts';
import { startSimulator } from '../../sandbox/simulatorServer.ts';
import { MastodonSim, type MastodonSimOptions } from './mastodonSim.ts';

export interface MastodonSandbox extends SandboxChannel<'mastodon'> {
  /** The simulated instance: its statuses, media and tokens, for tests to inspect. */
  readonly sim: MastodonSim;
}

/**
 * Starts a simulated Mastodon instance on 127.0.0.1 with one account whose settings point at
 * it (instanceUrl) and whose token is the sandbox's own.
 */
export async function startMastodonSandbox(
  options: MastodonSimOptions & { port?: number } = {},
): Promise<MastodonSandbox> {
  const sim = new MastodonSim(options);
  const running = await startSimulator('mastodon', sim, {
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  return {
    ...running,
    channel: 'mastodon',
    sim,
    account: {
      name: 'Mastodon 沙盒 Mastodon sandbox',
      settings: {
        channel: 'mastodon',
        instanceUrl: running.url,
        visibility: 'public',
        language: 'zh',
      },
      secrets: { accessToken: sim.issueToken() },
    },
  };
}
