import type { AccountSecrets, SettingsOf } from '../../../shared/channels/accountSettings.ts';
import type { ChannelId } from '../../../shared/content/channelId.ts';
import type { RunningSimulator } from './simulatorServer.ts';

/**
 * A running sandbox channel and an account that works against it: what a newcomer or a
 * trainee publishes to, and what the tests use. `account.settings` points at `url`.
 */
export interface SandboxChannel<C extends ChannelId> extends RunningSimulator {
  readonly channel: C;
  readonly account: { name: string; settings: SettingsOf<C>; secrets: AccountSecrets };
}
