import type { AccountCheck, AccountView } from '../../shared/channels/account.ts';
import type { AccountSecrets } from '../../shared/channels/accountSettings.ts';
import { CHANNEL_IDS, CHANNEL_NAMES } from '../../shared/content/channelId.ts';
import type { Message } from '../../shared/content/finding.ts';
import type { Clock } from '../clock.ts';
import type { AnyChannelAdapter } from '../channels/adapter.ts';
import type { ChannelHttp } from '../channels/channelHttp.ts';
import type { ChannelProblem } from '../channels/channelProblem.ts';
import { createAdapter } from '../channels/createAdapter.ts';
import type { SandboxChannels } from '../channels/sandbox/sandboxChannels.ts';
import type { Logger } from '../log/logger.ts';
import type { AccountsRepository } from './accountsRepository.ts';

/** Sandbox account names as a trainee sees them, e.g. "沙箱 · 微信公众号". */
export const sandboxAccountName = (channel: (typeof CHANNEL_IDS)[number]): string =>
  `沙箱 · ${CHANNEL_NAMES[channel].zh}`;

/**
 * Builds each account's adapter and runs connection tests. A sandbox account always talks to
 * the sandbox channels of this session (their ports change from run to run), with the
 * sandbox's own credentials; a sandbox account with no sandbox running cannot be used.
 */
export class AccountAdapters {
  private readonly accounts: AccountsRepository;
  private readonly sandbox: SandboxChannels | undefined;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly http: ChannelHttp | undefined;

  constructor(options: {
    accounts: AccountsRepository;
    sandbox: SandboxChannels | undefined;
    clock: Clock;
    log: Logger;
    http?: ChannelHttp | undefined;
  }) {
    this.accounts = options.accounts;
    this.sandbox = options.sandbox;
    this.clock = options.clock;
    this.log = options.log;
    this.http = options.http;
  }

  /** One sandbox account per channel when the sandbox runs (re-added if removed). */
  ensureSandboxAccounts(person: string): void {
    if (!this.sandbox) return;
    const existing = new Set(
      this.accounts
        .list()
        .filter((a) => a.sandbox)
        .map((a) => a.channel),
    );
    for (const channel of CHANNEL_IDS) {
      if (existing.has(channel)) continue;
      const { account } = this.sandbox.channels[channel];
      this.accounts.create(
        {
          name: sandboxAccountName(channel),
          settings: account.settings,
          secrets: { ...account.secrets },
          sandbox: true,
        },
        person,
      );
    }
  }

  /** The adapter of an account, or undefined for a sandbox account without a sandbox. */
  adapterFor(
    account: AccountView,
  ): { adapter: AnyChannelAdapter; secrets: AccountSecrets } | undefined {
    let settings = account.settings;
    let secrets: AccountSecrets;
    if (account.sandbox) {
      if (!this.sandbox) return undefined;
      const live = this.sandbox.channels[account.channel].account;
      settings = live.settings;
      secrets = live.secrets;
    } else {
      secrets = this.accounts.secretsOf(account.id);
    }
    const adapter = createAdapter(settings, secrets, {
      clock: this.clock,
      uploads: this.accounts.uploads(account.id),
      http: this.http,
    });
    return { adapter, secrets };
  }

  /** Runs the channel's connection test and records its outcome with the account. */
  async test(id: string): Promise<AccountView> {
    const account = this.accounts.get(id);
    const at = this.clock.now().toISOString();
    const built = this.adapterFor(account);
    let check: AccountCheck;
    if (!built) {
      check = {
        ok: false,
        at,
        reauthorize: false,
        problem: {
          code: 'sandbox.not-running',
          message: {
            zh: '本次启动没有开启沙箱渠道，沙箱账号无法连接。请用 bash scripts/run.sh start（或 --sandbox）启动。',
            en: 'The sandbox channels are not running in this session, so sandbox accounts cannot connect. Start with bash scripts/run.sh start (or --sandbox-channels).',
          },
        },
      };
    } else {
      let outcome;
      try {
        outcome = await built.adapter.verify();
      } catch (error) {
        this.log.error('accounts.verify_failed', {
          id,
          channel: account.channel,
          error: String(error),
        });
        throw error;
      }
      check = outcome.ok
        ? {
            ok: true,
            at,
            accountName: redact(outcome.accountName, built.secrets),
            details: outcome.details.map((d) => redactMessage(d, built.secrets)),
          }
        : {
            ok: false,
            at,
            reauthorize: outcome.reauthorize,
            problem: problemView(outcome.problem, built.secrets),
          };
    }
    this.log.info('accounts.tested', {
      id,
      channel: account.channel,
      ok: check.ok,
      ...(check.ok ? {} : { code: check.problem.code }),
    });
    return this.accounts.recordCheck(id, check);
  }
}

function problemView(problem: ChannelProblem, secrets: AccountSecrets) {
  return {
    code: problem.code,
    message: redactMessage(problem.message, secrets),
    ...(problem.channelSaid === undefined
      ? {}
      : { channelSaid: redact(problem.channelSaid, secrets) }),
  };
}

function redactMessage(message: Message, secrets: AccountSecrets): Message {
  return { zh: redact(message.zh, secrets), en: redact(message.en, secrets) };
}

/**
 * Removes every secret value from a text a channel sent back (some echo the request, URL
 * query included) before it is stored, logged or shown.
 */
export function redact(text: string, secrets: AccountSecrets): string {
  let out = text;
  for (const value of Object.values(secrets)) {
    if (value.length >= 4) out = out.split(value).join('••••');
  }
  return out;
}
