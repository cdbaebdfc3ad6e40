import type { ChannelId } from '../../shared/content/channelId.ts';
import type { Attempt } from '../../shared/publish/publication.ts';
import type { PublicationState } from '../../shared/publish/publicationState.ts';
import type { PublishOutcome, ReconcileOutcome, RemoteRef } from '../channels/adapter.ts';
import type { ChannelProblem } from '../channels/channelProblem.ts';
import {
  gaveUpProblem,
  noAdapterProblem,
  noAdapterUnknownProblem,
  statusGaveUpProblem,
} from './outboxProblems.ts';
import {
  MAX_RECONCILES,
  MAX_RETRY_AGE_MS,
  reconcileWait,
  REQUEST_SETTLE_MS,
  retryWait,
} from './retryPolicy.ts';

/** What the dispatcher asks of the channel for a claimed publication. */
export type StepAction = Attempt['action'];
export type AttemptOutcome = Attempt['outcome'];

/** What one step achieved, as the dispatcher saw it. */
export type StepResult =
  | { kind: 'publish'; outcome: PublishOutcome }
  | { kind: 'status'; outcome: PublishOutcome }
  | { kind: 'reconcile'; outcome: ReconcileOutcome }
  /** The adapter threw (a defect in PressDesk): the request may or may not have gone out. */
  | { kind: 'defect'; action: StepAction; problem: ChannelProblem }
  /** The post could not be built: nothing was sent. */
  | { kind: 'not-prepared'; action: StepAction; problem: ChannelProblem }
  /** No adapter for the account (removed, or a sandbox account without the sandbox). */
  | { kind: 'no-adapter'; action: StepAction; accountName: string };

/** Where the publication stands before the step: its current run of automatic repeats. */
export interface StepContext {
  now: Date;
  channel: ChannelId;
  /** Repeats in the current run so far (retries, status errors, undetermined reconciles). */
  streak: number;
  /** When the current run began (first retry, acceptance by the channel, first doubt). */
  waitingSince: Date | null;
  random?: (() => number) | undefined;
  /** When the step's request was sent (its attempt's start). */
  startedAt?: Date | undefined;
  /** Overrides REQUEST_SETTLE_MS (tests whose channels are known to answer fast). */
  settleMs?: number | undefined;
}

/**
 * The row after a step. `streak` and `waitingSince` describe the run the publication is now
 * in; `remote` null keeps the stored one; `holdAccount` asks the outbox to hold the account's
 * other publications that would be sent now (its credentials were refused).
 */
export interface Transition {
  state: PublicationState;
  nextAttemptAt: Date | null;
  remote: RemoteRef | null;
  publishedAt: Date | null;
  problem: ChannelProblem | null;
  streak: number;
  waitingSince: Date | null;
  attempt: { action: StepAction; outcome: AttemptOutcome; problem: ChannelProblem | null };
  holdAccount: ChannelProblem | null;
}

/**
 * The outbox's state machine for one finished step (see publicationState.ts):
 * - publish: published → published; pending → publishing (a new run: status checks);
 *   retry → retrying after max(Retry-After, backoff), or failed once the run of retries is
 *   older than MAX_RETRY_AGE_MS; failed → failed, or needs_reauth (and the account held);
 *   unknown → reconciling (never sent again blindly).
 * - status (safe to repeat): published → published; pending → publishing; retry and unknown
 *   → publishing again after the backoff, or unknown for a person once the run is older than
 *   MAX_RETRY_AGE_MS; failed → failed / needs_reauth.
 * - reconcile: found → as the outcome found; absent → queued (publishing again makes no
 *   second copy); undetermined → reconciling after a backoff, or unknown for a person after
 *   MAX_RECONCILES of them.
 * - defect: publish → as unknown; status → as a retry; reconcile → as undetermined.
 * - not-prepared / no-adapter: nothing was sent: a publish fails; a status check or a
 *   reconciliation, which concern something that may be on the channel, end unknown.
 */
export function nextStep(result: StepResult, ctx: StepContext): Transition {
  switch (result.kind) {
    case 'publish':
      return afterPublish(result.outcome, ctx);
    case 'status':
      return afterStatus(result.outcome, ctx, result.outcome.kind);
    case 'reconcile':
      return afterReconcile(result.outcome, ctx);
    case 'defect':
      switch (result.action) {
        case 'publish':
          return afterPublish({ kind: 'unknown', problem: result.problem }, ctx);
        case 'status':
          return afterStatus({ kind: 'unknown', problem: result.problem }, ctx, 'unknown');
        case 'reconcile':
          return afterReconcile({ kind: 'undetermined', problem: result.problem }, ctx);
        default:
          return unreachable(result.action);
      }
    case 'not-prepared':
      return result.action === 'publish'
        ? waiting('failed', result.problem, 'publish', 'failed')
        : afterReconcile({ kind: 'undetermined', problem: result.problem }, ctx);
    case 'no-adapter':
      return result.action === 'publish'
        ? waiting('failed', noAdapterProblem(ctx.channel, result.accountName), 'publish', 'failed')
        : waiting(
            'unknown',
            noAdapterUnknownProblem(ctx.channel, result.accountName),
            result.action,
            result.action === 'status' ? 'unknown' : 'undetermined',
          );
    default:
      return unreachable(result);
  }
}

function afterPublish(outcome: PublishOutcome, ctx: StepContext): Transition {
  switch (outcome.kind) {
    case 'published':
      return published(outcome.remote, ctx, 'publish', 'published');
    case 'pending':
      return {
        ...base('publish', 'pending', outcome.problem ?? null),
        state: 'publishing',
        nextAttemptAt: after(ctx.now, outcome.checkAfterMs),
        remote: outcome.remote,
        streak: 0,
        waitingSince: ctx.now,
      };
    case 'retry': {
      const since = ctx.waitingSince ?? ctx.now;
      const age = ctx.now.getTime() - since.getTime();
      const streak = ctx.streak + 1;
      if (age >= MAX_RETRY_AGE_MS) {
        return waiting(
          'failed',
          gaveUpProblem(ctx.channel, streak, age, outcome.problem),
          'publish',
          'retry',
          outcome.problem,
        );
      }
      return {
        ...base('publish', 'retry', outcome.problem),
        state: 'retrying',
        nextAttemptAt: after(ctx.now, retryWait(streak, outcome.afterMs, ctx.random)),
        streak,
        waitingSince: since,
      };
    }
    case 'failed':
      return refused(outcome.problem, outcome.reauthorize, 'publish');
    case 'unknown':
      return {
        ...base('publish', 'unknown', outcome.problem),
        state: 'reconciling',
        // Not before the request could have been settled by the channel (see REQUEST_SETTLE_MS).
        nextAttemptAt: new Date(
          Math.max(
            after(ctx.now, reconcileWait(1, ctx.random)).getTime(),
            (ctx.startedAt ?? ctx.now).getTime() + (ctx.settleMs ?? REQUEST_SETTLE_MS),
          ),
        ),
        streak: 0,
        waitingSince: ctx.now,
      };
    default:
      return unreachable(outcome);
  }
}

function afterStatus(
  outcome: PublishOutcome,
  ctx: StepContext,
  recorded: AttemptOutcome,
): Transition {
  const since = ctx.waitingSince ?? ctx.now;
  const age = ctx.now.getTime() - since.getTime();
  switch (outcome.kind) {
    case 'published':
      return published(outcome.remote, ctx, 'status', recorded);
    case 'pending':
      if (age >= MAX_RETRY_AGE_MS) {
        return waiting(
          'unknown',
          statusGaveUpProblem(ctx.channel, age, outcome.problem ?? null),
          'status',
          recorded,
          outcome.problem ?? null,
        );
      }
      return {
        ...base('status', recorded, outcome.problem ?? null),
        state: 'publishing',
        nextAttemptAt: after(ctx.now, outcome.checkAfterMs),
        remote: outcome.remote,
        streak: 0,
        waitingSince: since,
      };
    case 'retry':
    case 'unknown': {
      if (age >= MAX_RETRY_AGE_MS) {
        return waiting(
          'unknown',
          statusGaveUpProblem(ctx.channel, age, outcome.problem),
          'status',
          recorded,
          outcome.problem,
        );
      }
      const streak = ctx.streak + 1;
      const afterMs = outcome.kind === 'retry' ? outcome.afterMs : 0;
      return {
        ...base('status', recorded, outcome.problem),
        state: 'publishing',
        nextAttemptAt: after(ctx.now, retryWait(streak, afterMs, ctx.random)),
        streak,
        waitingSince: since,
      };
    }
    case 'failed':
      return refused(outcome.problem, outcome.reauthorize, 'status');
    default:
      return unreachable(outcome);
  }
}

function afterReconcile(outcome: ReconcileOutcome, ctx: StepContext): Transition {
  switch (outcome.kind) {
    case 'found': {
      const found = outcome.outcome;
      if (found.kind === 'published') return published(found.remote, ctx, 'reconcile', 'found');
      return {
        ...base('reconcile', 'found', found.problem ?? null),
        state: 'publishing',
        nextAttemptAt: after(ctx.now, found.checkAfterMs),
        remote: found.remote,
        streak: 0,
        waitingSince: ctx.now,
      };
    }
    case 'absent':
      return {
        ...base('reconcile', 'absent', null),
        state: 'queued',
        nextAttemptAt: ctx.now,
        streak: 0,
        waitingSince: null,
      };
    case 'undetermined': {
      const streak = ctx.streak + 1;
      if (streak >= MAX_RECONCILES) {
        return waiting('unknown', outcome.problem, 'reconcile', 'undetermined');
      }
      return {
        ...base('reconcile', 'undetermined', outcome.problem),
        state: 'reconciling',
        nextAttemptAt: after(ctx.now, reconcileWait(streak + 1, ctx.random)),
        streak,
        waitingSince: ctx.waitingSince ?? ctx.now,
      };
    }
    default:
      return unreachable(outcome);
  }
}

function published(
  remote: RemoteRef,
  ctx: StepContext,
  action: StepAction,
  recorded: AttemptOutcome,
): Transition {
  return {
    ...base(action, recorded, null),
    state: 'published',
    remote,
    publishedAt: ctx.now,
  };
}

function refused(problem: ChannelProblem, reauthorize: boolean, action: StepAction): Transition {
  return {
    ...waiting(reauthorize ? 'needs_reauth' : 'failed', problem, action, 'failed'),
    holdAccount: reauthorize ? problem : null,
  };
}

/** A state that waits for a person: no next attempt, the run over. */
function waiting(
  state: PublicationState,
  problem: ChannelProblem,
  action: StepAction,
  recorded: AttemptOutcome,
  attemptProblem: ChannelProblem | null = problem,
): Transition {
  return { ...base(action, recorded, attemptProblem), state, problem };
}

function base(
  action: StepAction,
  outcome: AttemptOutcome,
  problem: ChannelProblem | null,
): Transition {
  return {
    state: 'failed',
    nextAttemptAt: null,
    remote: null,
    publishedAt: null,
    problem,
    streak: 0,
    waitingSince: null,
    attempt: { action, outcome, problem },
    holdAccount: null,
  };
}

function after(now: Date, ms: number): Date {
  return new Date(now.getTime() + Math.max(0, Number.isFinite(ms) ? ms : 0));
}

function unreachable(value: never): never {
  throw new Error(`Unexpected step ${JSON.stringify(value)}`);
}
