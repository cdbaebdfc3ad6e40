import { randomUUID } from 'node:crypto';
import { REQUEST_SETTLE_MS } from './retryPolicy.ts';
import { CHANNEL_IDS, type ChannelId } from '../../shared/content/channelId.ts';
import type { PublicationView } from '../../shared/publish/publication.ts';
import { ACTIVE_STATES, type PublicationState } from '../../shared/publish/publicationState.ts';
import type { AnyChannelAdapter } from '../channels/adapter.ts';
import type { ChannelPost } from '../channels/channelPost.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../log/logger.ts';
import { publishWith, reconcileWith } from './adapterCalls.ts';
import { nextStep, type StepResult } from './nextStep.ts';
import {
  CLAIMABLE_STATES,
  type ClaimableState,
  type ClaimedPublication,
  type DueCandidate,
  type OutboxRepository,
} from './outboxRepository.ts';
import { defectProblem, postProblem } from './outboxProblems.ts';
import { defaultMinIntervalMs, MinIntervalLimiter } from './rateLimiter.ts';

export interface DispatcherTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface DispatcherOptions {
  outbox: OutboxRepository;
  clock: Clock;
  adapterFor(accountId: string): AnyChannelAdapter | undefined;
  postFor(publication: PublicationView, context: { portalUrl: string | null }): ChannelPost;
  isOnline(): boolean;
  isPaused(): boolean;
  missedWindowMs(): number;
  onChange(publication: PublicationView): void;
  /** default setTimeout/clearTimeout; tests inject */
  timers?: DispatcherTimers | undefined;
  leaseMs?: number | undefined;
  perChannelConcurrency?: number | undefined;
  /** Calls in flight per account at most (default 1). */
  perAccountConcurrency?: number | undefined;
  /** Least time between two calls started on a channel (default: rateLimiter.ts). */
  minIntervalMs?: ((channel: ChannelId, sandbox: boolean) => number) | undefined;
  /** How long stop() waits for calls in flight (default 30 s). */
  stopWaitMs?: number | undefined;
  random?: (() => number) | undefined;
  /**
   * How long after an interrupted or lost request the channel is first asked whether it
   * landed; default REQUEST_SETTLE_MS. Tests whose channels answer within known bounds pass less.
   */
  settleMs?: number | undefined;
  log?: Logger | undefined;
}

/** setTimeout's longest delay; a later plan is re-planned when this one fires. */
export const MAX_TIMER_MS = 2 ** 31 - 1;
export const DEFAULT_LEASE_MS = 2 * 60_000;
const DEFAULT_STOP_WAIT_MS = 30_000;
/** After a pass that failed (the store, not a channel), the next one is tried this much later. */
const PASS_RETRY_MS = 60_000;
/** Candidates read per channel and state in one pass: more than can be in flight. */
const CANDIDATES_PER_QUERY = 50;

const systemTimers: DispatcherTimers = {
  set: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    // The dispatcher alone never keeps the process alive.
    handle.unref();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };

interface InFlight {
  accountId: string;
  channel: ChannelId;
  done: Promise<void>;
}

/**
 * Sends what is due in the outbox, one step per claimed publication, and records each
 * outcome (see nextStep.ts for the state machine).
 *
 * Crash safety: a publication's move to 'sending' (with its lease and an open attempt row) is
 * committed BEFORE its adapter is called, and the outcome is committed right after. After a
 * crash a publication is therefore either not sent, or 'sending', which the next start()
 * marks interrupted and reconciles with the channel (or queues again when its adapter says a
 * publish is safe to repeat): never lost, never sent again blindly.
 *
 * Planning: no polling. One timer is set to the earliest moment something becomes due
 * (clamped to MAX_TIMER_MS), or to when the rate limiter lets a waiting call go; each pass,
 * each finished call and each wake() re-plans.
 *
 * Offline: nothing is claimed (scheduled publications still become 'queued' at their time,
 * and 'missed' past the window). Paused: no new sends ('queued', 'retrying'), but status
 * checks of what a channel is publishing and reconciliations still run: they only find out
 * about requests already sent, and never make a copy.
 *
 * Limits: at most perAccountConcurrency calls per account and perChannelConcurrency per
 * channel, each channel's calls started at least minIntervalMs apart. A publication that
 * depends on another (the portal page it links to) waits until that one is published, failed,
 * cancelled or retracted, and gets its URL when published.
 *
 * Credentials refused (failed with reauthorize): the publication goes to 'needs_reauth', and
 * so do the account's other publications that would be sent now ('queued', 'retrying'), so
 * the channel is not asked again with credentials it refused; scheduled ones keep their time.
 * OutboxRepository.resumeAccount queues them again once the account is renewed.
 */
export class Dispatcher {
  private readonly options: DispatcherOptions;
  private readonly timers: DispatcherTimers;
  private readonly log: Logger;
  private readonly leaseMs: number;
  private readonly perChannel: number;
  private readonly perAccount: number;
  private readonly minIntervalMs: (channel: ChannelId, sandbox: boolean) => number;
  private readonly limiter = new MinIntervalLimiter();
  /** This process's lease owner id. */
  private readonly owner = randomUUID();
  private readonly inFlight = new Map<string, InFlight>();
  private running = false;
  private passQueued = false;
  private planned: { handle: unknown; at: number } | null = null;
  private idleWaiters: Array<() => void> = [];

  constructor(options: DispatcherOptions) {
    this.options = options;
    this.timers = options.timers ?? systemTimers;
    this.log = options.log ?? silent;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.perChannel = options.perChannelConcurrency ?? 2;
    this.perAccount = options.perAccountConcurrency ?? 1;
    this.minIntervalMs = options.minIntervalMs ?? defaultMinIntervalMs;
  }

  /**
   * Recovers first: every 'sending' publication (this is the only process, so all of them were
   * interrupted) gets its attempt marked 'interrupted' and goes to 'reconciling', or to
   * 'queued' when its adapter's publish is safe to repeat. Then what passed while PressDesk was
   * closed becomes 'missed', and the first pass is planned.
   */
  start(): void {
    if (this.running) return;
    this.running = true;
    const { outbox, clock } = this.options;
    const recovered = outbox.recoverInterrupted(
      (p) => this.adapterOf(p.accountId)?.repeatSafety.publish.safe === true,
      new Set(this.inFlight.keys()),
      undefined,
      this.options.settleMs ?? REQUEST_SETTLE_MS,
    );
    for (const view of recovered) {
      this.log.warn('outbox.interrupted', {
        id: view.id,
        channel: view.channel,
        state: view.state,
      });
      this.notify(view);
    }
    for (const view of outbox.markMissed(clock.now(), this.options.missedWindowMs())) {
      this.notify(view);
    }
    this.requestPass();
  }

  /**
   * Claims nothing more and waits (at most stopWaitMs) for the calls in flight to finish and
   * be recorded. A call still running after that stays 'sending' and is reconciled at the next
   * start.
   */
  async stop(): Promise<void> {
    this.running = false;
    this.clearPlan();
    const pending = [...this.inFlight.values()].map((f) => f.done);
    if (pending.length > 0) {
      let handle: unknown;
      const timeout = new Promise<void>((resolve) => {
        handle = this.timers.set(resolve, this.options.stopWaitMs ?? DEFAULT_STOP_WAIT_MS);
      });
      await Promise.race([Promise.allSettled(pending), timeout]);
      this.timers.clear(handle);
    }
    this.settleIdle();
  }

  /** Something changed (a new publication, a decision, the network, the pause): re-plan now. */
  wake(): void {
    if (this.running) this.requestPass();
  }

  /** For tests: resolves when no pass is pending and no call is in flight. */
  idle(): Promise<void> {
    if (this.quiet()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private quiet(): boolean {
    return !this.passQueued && this.inFlight.size === 0;
  }

  private settleIdle(): void {
    if (!this.quiet()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Passes run in a microtask of their own: never inside another pass or a call's recording. */
  private requestPass(): void {
    if (this.passQueued) return;
    this.passQueued = true;
    queueMicrotask(() => {
      this.passQueued = false;
      try {
        this.pass();
      } catch (error) {
        this.log.error('outbox.pass_failed', {
          error: String(error),
          stack: error instanceof Error ? error.stack : undefined,
        });
        if (this.running) this.plan(this.options.clock.now().getTime() + PASS_RETRY_MS);
      }
      this.settleIdle();
    });
  }

  private pass(): void {
    if (!this.running) return;
    const { outbox, clock } = this.options;
    const now = clock.now();
    // A send whose lease ran out without its outcome recorded (the store failed then).
    for (const view of outbox.recoverInterrupted(
      (p) => this.adapterOf(p.accountId)?.repeatSafety.publish.safe === true,
      new Set(this.inFlight.keys()),
      now,
      this.options.settleMs ?? REQUEST_SETTLE_MS,
    )) {
      this.log.warn('outbox.interrupted', {
        id: view.id,
        channel: view.channel,
        state: view.state,
      });
      this.notify(view);
    }
    for (const view of outbox.markMissed(now, this.options.missedWindowMs())) this.notify(view);
    for (const view of outbox.promoteDue(now)) this.notify(view);

    const online = this.options.isOnline();
    const paused = this.options.isPaused();
    const claimable: readonly ClaimableState[] = !online
      ? []
      : paused
        ? ['publishing', 'reconciling']
        : CLAIMABLE_STATES;
    let limiterWake: number | null = null;
    for (const channel of CHANNEL_IDS) {
      if (claimable.length === 0 || this.countInFlight('channel', channel) >= this.perChannel)
        continue;
      const candidates = claimable
        .flatMap((state) => outbox.dueCandidates(now, channel, state, CANDIDATES_PER_QUERY))
        .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime());
      for (const candidate of candidates) {
        if (this.countInFlight('channel', channel) >= this.perChannel) break;
        if (this.inFlight.has(candidate.id)) continue;
        if (this.countInFlight('account', candidate.accountId) >= this.perAccount) continue;
        const key = candidate.sandbox ? `${channel}:sandbox` : channel;
        const wait = this.limiter.waitMs(key, this.minIntervalMs(channel, candidate.sandbox), now);
        if (wait > 0) {
          const at = now.getTime() + wait;
          limiterWake = limiterWake === null ? at : Math.min(limiterWake, at);
          continue;
        }
        if (this.begin(candidate)) this.limiter.note(key, now);
      }
    }

    // What this mode will act on next: offline only the promotion of scheduled ones; paused
    // also status checks and reconciliations; otherwise every active state.
    const watched: readonly PublicationState[] = !online
      ? ['scheduled']
      : paused
        ? ['scheduled', 'publishing', 'reconciling']
        : ACTIVE_STATES;
    const next = outbox.nextAfter(now, watched)?.getTime() ?? null;
    const candidates = [next, limiterWake].filter((t): t is number => t !== null);
    this.plan(candidates.length > 0 ? Math.min(...candidates) : null);
  }

  /** Sets the one planning timer to `at` (ms since the epoch), or clears it. */
  private plan(at: number | null): void {
    if (at === null) {
      this.clearPlan();
      return;
    }
    if (this.planned?.at === at) return;
    this.clearPlan();
    const ms = Math.min(Math.max(at - this.options.clock.now().getTime(), 0), MAX_TIMER_MS);
    const handle = this.timers.set(() => {
      if (this.planned?.handle === handle) this.planned = null;
      this.requestPass();
    }, ms);
    this.planned = { handle, at };
  }

  private clearPlan(): void {
    if (this.planned) this.timers.clear(this.planned.handle);
    this.planned = null;
  }

  private countInFlight(by: 'channel' | 'account', value: string): number {
    let count = 0;
    for (const call of this.inFlight.values()) {
      if ((by === 'channel' ? call.channel : call.accountId) === value) count++;
    }
    return count;
  }

  /** Claims one candidate and starts its step; false when it could not be claimed. */
  private begin(candidate: DueCandidate): boolean {
    const claim = this.options.outbox.claim(
      candidate.id,
      candidate.state,
      this.owner,
      this.leaseMs,
    );
    if (!claim) return false;
    if (claim.view.state !== candidate.state) this.notify(claim.view);
    const call: InFlight = {
      accountId: candidate.accountId,
      channel: candidate.channel,
      done: Promise.resolve(),
    };
    this.inFlight.set(candidate.id, call);
    call.done = this.run(claim)
      .catch((error: unknown) => {
        // A defect of the dispatcher itself: the claim stays as it is (recovered like a crash).
        this.log.error('outbox.step_failed', { id: candidate.id, error: String(error) });
      })
      .finally(() => {
        this.inFlight.delete(candidate.id);
        this.requestPass();
      });
    return true;
  }

  private async run(claim: ClaimedPublication): Promise<void> {
    const lease = this.keepLease(claim);
    let result: StepResult;
    try {
      result = await this.step(claim);
    } finally {
      lease.stop();
    }
    const t = nextStep(result, {
      now: this.options.clock.now(),
      channel: claim.view.channel,
      streak: claim.streak,
      waitingSince: claim.waitingSince,
      random: this.options.random,
      startedAt: claim.startedAt,
      settleMs: this.options.settleMs,
    });
    try {
      const finished = this.options.outbox.finish(claim, t);
      this.log.info('outbox.step', {
        id: claim.view.id,
        channel: claim.view.channel,
        action: claim.action,
        outcome: t.attempt.outcome,
        state: t.state,
        problem: t.problem?.code,
      });
      this.notify(finished.view);
      for (const view of finished.held) this.notify(view);
    } catch (error) {
      // The store failed: the publication stays as claimed ('sending' for a publish) and is
      // reconciled at the next start, like after a crash.
      this.log.error('outbox.record_failed', {
        id: claim.view.id,
        action: claim.action,
        outcome: t.attempt.outcome,
        error: String(error),
      });
    }
  }

  /** Calls the adapter; anything it throws is a defect, recorded as such (never a success). */
  private async step(claim: ClaimedPublication): Promise<StepResult> {
    const { view, action } = claim;
    const adapter = this.adapterOf(view.accountId);
    if (!adapter) return { kind: 'no-adapter', action, accountName: view.accountName };
    try {
      switch (action) {
        case 'status': {
          if (claim.remote === null) throw new Error('a status check without a remote id');
          return { kind: 'status', outcome: await adapter.status(claim.remote) };
        }
        case 'publish':
        case 'reconcile': {
          const post = this.postOf(claim, adapter);
          if (!post.ok) return { kind: 'not-prepared', action, problem: post.problem };
          const progress = this.options.outbox.progressOf(view.id);
          return action === 'publish'
            ? { kind: 'publish', outcome: await publishWith(adapter, post.post, progress) }
            : { kind: 'reconcile', outcome: await reconcileWith(adapter, post.post, progress) };
        }
        default: {
          const never: never = action;
          throw new Error(`unknown action ${String(never)}`);
        }
      }
    } catch (error) {
      this.log.error('outbox.adapter_threw', {
        id: view.id,
        channel: view.channel,
        action,
        error: String(error),
        stack: error instanceof Error ? error.stack : undefined,
      });
      return { kind: 'defect', action, problem: defectProblem(view.channel, error) };
    }
  }

  /** The post, built before anything is sent: a failure here means nothing went out. */
  private postOf(
    claim: ClaimedPublication,
    adapter: AnyChannelAdapter,
  ): { ok: true; post: ChannelPost } | { ok: false; problem: ReturnType<typeof postProblem> } {
    const { view } = claim;
    try {
      const post = this.options.postFor(view, { portalUrl: claim.portalUrl });
      if (post.channel !== view.channel || adapter.channel !== view.channel) {
        throw new Error(
          `channel mismatch: publication ${view.channel}, post ${post.channel}, adapter ${adapter.channel}`,
        );
      }
      return { ok: true, post };
    } catch (error) {
      this.log.error('outbox.post_failed', { id: view.id, error: String(error) });
      return { ok: false, problem: postProblem(view.channel, error) };
    }
  }

  /** Renews the claim's lease every half lease while its call runs. */
  private keepLease(claim: ClaimedPublication): { stop(): void } {
    let stopped = false;
    let handle: unknown;
    const arm = () => {
      handle = this.timers.set(() => {
        if (stopped) return;
        try {
          this.options.outbox.renewLease(claim.view.id, claim.leaseOwner, this.leaseMs);
        } catch (error) {
          this.log.error('outbox.lease_renewal_failed', {
            id: claim.view.id,
            error: String(error),
          });
        }
        arm();
      }, this.leaseMs / 2);
    };
    arm();
    return {
      stop: () => {
        stopped = true;
        this.timers.clear(handle);
      },
    };
  }

  /** The account's adapter; undefined (and logged) when there is none or building it failed. */
  private adapterOf(accountId: string): AnyChannelAdapter | undefined {
    try {
      return this.options.adapterFor(accountId);
    } catch (error) {
      this.log.error('outbox.adapter_unavailable', { accountId, error: String(error) });
      return undefined;
    }
  }

  private notify(view: PublicationView): void {
    try {
      this.options.onChange(view);
    } catch (error) {
      this.log.error('outbox.on_change_failed', { id: view.id, error: String(error) });
    }
  }
}
