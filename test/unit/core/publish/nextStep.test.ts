import { describe, expect, it } from 'vitest';
import { problem } from '../../../../src/core/channels/channelProblem.ts';
import { nextStep, type StepContext } from '../../../../src/core/publish/nextStep.ts';
import { MAX_RETRY_AGE_MS } from '../../../../src/core/publish/retryPolicy.ts';

const now = new Date('2026-11-27T12:00:00.000Z');
const ctx = (extra: Partial<StepContext> = {}): StepContext => ({
  now,
  channel: 'wechat',
  streak: 0,
  waitingSince: null,
  random: () => 0.5,
  ...extra,
});
const lost = problem('wechat', 'http.lost', '连接中断。', 'The connection was lost.', 'ECONNRESET');
const accepted = { remoteId: 'job-1', url: null };

describe('nextStep', () => {
  it('checks the status again after a lost status reply, never publishing again', () => {
    const t = nextStep(
      { kind: 'status', outcome: { kind: 'unknown', problem: lost } },
      ctx({ waitingSince: new Date(now.getTime() - 60_000), streak: 1 }),
    );
    expect(t).toMatchObject({
      state: 'publishing',
      streak: 2,
      nextAttemptAt: new Date(now.getTime() + 30_000),
      attempt: { action: 'status', outcome: 'unknown' },
    });
  });

  it('stops asking for a status after MAX_RETRY_AGE_MS and asks a person', () => {
    const t = nextStep(
      { kind: 'status', outcome: { kind: 'pending', remote: accepted, checkAfterMs: 10_000 } },
      ctx({ waitingSince: new Date(now.getTime() - MAX_RETRY_AGE_MS) }),
    );
    expect(t.state).toBe('unknown');
    expect(t.nextAttemptAt).toBeNull();
    expect(t.problem?.code).toBe('outbox.status-gave-up');
    expect(t.problem?.message.en).toContain('after 24 hours');
  });

  it('keeps the run of status checks going while the channel says pending', () => {
    const since = new Date(now.getTime() - 3_600_000);
    const t = nextStep(
      { kind: 'status', outcome: { kind: 'pending', remote: accepted, checkAfterMs: 10_000 } },
      ctx({ waitingSince: since, streak: 3 }),
    );
    expect(t).toMatchObject({ state: 'publishing', streak: 0, waitingSince: since });
    expect(t.nextAttemptAt).toEqual(new Date(now.getTime() + 10_000));
  });

  it('treats a throwing status check as a retry and a throwing reconcile as undetermined', () => {
    expect(nextStep({ kind: 'defect', action: 'status', problem: lost }, ctx()).state).toBe(
      'publishing',
    );
    const t = nextStep({ kind: 'defect', action: 'reconcile', problem: lost }, ctx({ streak: 1 }));
    expect(t).toMatchObject({
      state: 'reconciling',
      streak: 2,
      attempt: { outcome: 'undetermined' },
    });
  });

  it('ends unknown (not failed) when a sent publication can no longer be asked about', () => {
    for (const action of ['status', 'reconcile'] as const) {
      const t = nextStep({ kind: 'no-adapter', action, accountName: '公众号' }, ctx());
      expect(t.state).toBe('unknown');
      expect(t.problem?.message.en).toContain('"公众号"');
    }
    expect(
      nextStep({ kind: 'no-adapter', action: 'publish', accountName: '公众号' }, ctx()).state,
    ).toBe('failed');
  });

  it('asks the account to be held when credentials are refused, also on a status check', () => {
    const refused = problem(
      'wechat',
      'wechat.40001',
      '凭据无效。',
      'Invalid credential.',
      'invalid credential',
    );
    const t = nextStep(
      { kind: 'status', outcome: { kind: 'failed', problem: refused, reauthorize: true } },
      ctx(),
    );
    expect(t).toMatchObject({ state: 'needs_reauth', holdAccount: refused, problem: refused });
  });

  it('records a reconciliation that found a pending publication as a new run of status checks', () => {
    const t = nextStep(
      {
        kind: 'reconcile',
        outcome: {
          kind: 'found',
          outcome: { kind: 'pending', remote: accepted, checkAfterMs: 5000 },
        },
      },
      ctx({ streak: 2, waitingSince: new Date(0) }),
    );
    expect(t).toMatchObject({
      state: 'publishing',
      remote: accepted,
      streak: 0,
      waitingSince: now,
      attempt: { action: 'reconcile', outcome: 'found' },
    });
  });
});
