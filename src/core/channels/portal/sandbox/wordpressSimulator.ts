import { startSimulator } from '../../sandbox/simulatorServer.ts';
import type { SandboxChannel } from '../../sandbox/sandboxChannel.ts';
import { WordpressSim, type WordpressSimOptions } from './wordpressSim.ts';

export interface PortalSandbox extends SandboxChannel<'portal'> {
  /** The simulated WordPress: its posts, media, terms and application passwords. */
  readonly sim: WordpressSim;
}

/**
 * Starts a simulated WordPress portal on 127.0.0.1 with one account that works against it:
 * its settings point at the simulator's home page (the adapter finds the REST root from the
 * Link header), its application password is the sandbox's own.
 */
export async function startPortalSandbox(
  options: WordpressSimOptions & { port?: number } = {},
): Promise<PortalSandbox> {
  const sim = new WordpressSim(options);
  const running = await startSimulator('portal', sim, {
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const applicationPassword = sim.issuePassword();
  return {
    ...running,
    channel: 'portal',
    sim,
    account: {
      name: '门户网站沙箱 Portal sandbox',
      settings: {
        channel: 'portal',
        siteUrl: `${running.url}/`,
        username: sim.login,
        categories: [],
      },
      secrets: { applicationPassword },
    },
  };
}
