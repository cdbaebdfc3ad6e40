import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../../src/core/errors.ts';
import { publicationKey, type Resolution } from '../../../../src/shared/publish/publication.ts';
import {
  PUBLICATION_STATES,
  type PublicationState,
} from '../../../../src/shared/publish/publicationState.ts';
import { desk, START } from './outboxFixtures.ts';

const HOUR = 3_600_000;
const at = (ms: number) => new Date(new Date(START).getTime() + ms);

function errorOf(fn: () => unknown): DeskError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DeskError) return error;
    throw error;
  }
  throw new Error('expected a DeskError');
}

/** Puts a publication into a state directly, as the dispatcher would have left it. */
function force(d: ReturnType<typeof desk>, id: string, state: PublicationState): void {
  d.db.prepare('UPDATE publications SET state = ? WHERE id = ?').run(state, id);
}

describe('OutboxRepository', () => {
  it('allows exactly the publication states in its CHECK constraint', () => {
    const d = desk();
    const [p] = d.outbox.enqueue([d.item('portal')], '王编辑');
    for (const state of PUBLICATION_STATES) {
      expect(() => force(d, p?.id ?? '', state)).not.toThrow();
    }
    expect(() => force(d, p?.id ?? '', 'lost' as PublicationState)).toThrow(/CHECK/);
    const setKey = (key: string) =>
      d.db.prepare('UPDATE publications SET key = ? WHERE id = ?').run(key, p?.id);
    expect(() => setKey('pd-0123456789abcdef0123')).not.toThrow();
    for (const bad of ['PD-1', 'pd_1', 'pd 1', '', 'a'.repeat(65)]) {
      expect(() => setKey(bad), bad).toThrow(/CHECK/);
    }
  });

  it('enqueues now as queued and later as scheduled, with a stable key and the account joined', () => {
    const d = desk();
    const views = d.outbox.enqueue(
      [
        d.item('portal'),
        d.item('weibo', { scheduledAt: at(2 * HOUR), dependsOn: 0 }),
        d.item('mastodon', { scheduledAt: at(-HOUR) }),
      ],
      '王编辑',
    );
    const [portal, weibo, mastodon] = views;
    expect(portal).toMatchObject({
      state: 'queued',
      scheduledAt: null,
      nextAttemptAt: START,
      accountName: 'portal',
      sandbox: false,
      channel: 'portal',
      attempts: 0,
      createdBy: '王编辑',
      dependsOn: null,
    });
    expect(weibo).toMatchObject({
      state: 'scheduled',
      scheduledAt: at(2 * HOUR).toISOString(),
      nextAttemptAt: at(2 * HOUR).toISOString(),
      dependsOn: portal?.id,
    });
    // A time already past means now: it is not kept as a schedule that could be "missed".
    expect(mastodon).toMatchObject({ state: 'queued', scheduledAt: null });
    const key = d.db.prepare('SELECT key FROM publications WHERE id = ?').pluck().get(portal?.id);
    expect(key).toBe(publicationKey(portal?.id ?? ''));
    expect(key).toMatch(/^pd-[0-9a-f]{20}$/);
  });

  it('writes all items or none: a failing item rolls back those before it', () => {
    const d = desk();
    const bad = { ...d.item('weibo'), accountId: d.accounts['portal'] ?? '' };
    const error = errorOf(() => d.outbox.enqueue([d.item('portal'), bad], 'x'));
    expect(error.code).toBe('invalid_input');
    expect(d.outbox.list()).toEqual([]);

    // A failure inside the insert itself (here: the database refuses) also leaves nothing.
    d.db.exec(`CREATE TRIGGER refuse_weibo BEFORE INSERT ON publications
      WHEN NEW.channel = 'weibo' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    expect(() => d.outbox.enqueue([d.item('portal'), d.item('weibo')], 'x')).toThrow(/refused/);
    expect(d.outbox.list()).toEqual([]);
  });

  it('nests in an outer transaction and rolls back with it', () => {
    const d = desk();
    const outer = d.db.transaction(() => {
      d.outbox.enqueue([d.item('portal'), d.item('weibo', { dependsOn: 0 })], 'x');
      expect(d.outbox.list()).toHaveLength(2);
      throw new Error('the caller changed its mind');
    });
    expect(() => outer()).toThrow(/changed its mind/);
    expect(d.outbox.list()).toEqual([]);
    d.db.transaction(() => d.outbox.enqueue([d.item('portal')], 'x'))();
    expect(d.outbox.list()).toHaveLength(1);
  });

  it('refuses a dependency that is not an earlier item, a missing revision or account', () => {
    const d = desk();
    const cases = [
      [d.item('portal', { dependsOn: 0 })],
      [d.item('portal'), d.item('weibo', { dependsOn: 2 })],
      [d.item('portal', { revision: 7 })],
      [{ ...d.item('portal'), accountId: '00000000-0000-4000-8000-000000000000' }],
    ];
    for (const items of cases) {
      expect(errorOf(() => d.outbox.enqueue(items, 'x')).code).toBe('invalid_input');
    }
    expect(d.outbox.list()).toEqual([]);
  });

  it('lists newest first, by state, release and account, with a limit', () => {
    const d = desk();
    const [first] = d.outbox.enqueue([d.item('portal')], 'x');
    d.clock.advance(1000);
    const [second] = d.outbox.enqueue([d.item('weibo', { scheduledAt: at(HOUR) })], 'x');
    expect(d.outbox.list().map((p) => p.id)).toEqual([second?.id, first?.id]);
    expect(d.outbox.list({ states: ['scheduled'] }).map((p) => p.id)).toEqual([second?.id]);
    expect(d.outbox.list({ releaseId: d.releaseId, limit: 1 }).map((p) => p.id)).toEqual([
      second?.id,
    ]);
    expect(d.outbox.list({ accountId: d.accounts['portal'] }).map((p) => p.id)).toEqual([
      first?.id,
    ]);
    expect(errorOf(() => d.outbox.get('00000000-0000-4000-8000-000000000000')).code).toBe(
      'not_found',
    );
  });

  it('keeps an account with publications (ON DELETE RESTRICT)', () => {
    const d = desk();
    d.outbox.enqueue([d.item('portal')], 'x');
    expect(() =>
      d.db.prepare('DELETE FROM channel_accounts WHERE id = ?').run(d.accounts['portal']),
    ).toThrow(/FOREIGN KEY/);
  });

  it('allows each resolution only in its states and refuses the others naming the state', () => {
    const allowed: Record<Resolution['kind'], PublicationState[]> = {
      'mark-published': ['unknown'],
      'send-now': ['unknown', 'failed', 'needs_reauth', 'missed'],
      cancel: ['scheduled', 'queued', 'retrying', 'failed', 'missed', 'needs_reauth'],
    };
    const resolutions: Resolution[] = [
      { kind: 'mark-published', url: 'https://weibo.com/123/abc' },
      { kind: 'send-now' },
      { kind: 'cancel' },
    ];
    const d = desk();
    for (const resolution of resolutions) {
      for (const state of PUBLICATION_STATES) {
        const [p] = d.outbox.enqueue([d.item('weibo')], 'x');
        const id = p?.id ?? '';
        force(d, id, state);
        if (allowed[resolution.kind].includes(state)) {
          const after = d.outbox.resolve(id, resolution, '李主任');
          const expected = {
            'mark-published': 'published',
            'send-now': 'queued',
            cancel: 'cancelled',
          }[resolution.kind];
          expect(after.state, `${resolution.kind} from ${state}`).toBe(expected);
        } else {
          const error = errorOf(() => d.outbox.resolve(id, resolution, '李主任'));
          expect(error.code, `${resolution.kind} from ${state}`).toBe('refused');
          expect(error.message).toMatch(/^This publication is .+, so it cannot be .+\.$/);
          expect(d.outbox.get(id).state).toBe(state);
        }
      }
    }
  });

  it('records a person’s decisions: the URL marked published, send-now keeps the progress', () => {
    const d = desk();
    const [a, b] = d.outbox.enqueue([d.item('weibo'), d.item('mastodon')], 'x');
    force(d, a?.id ?? '', 'unknown');
    d.clock.advance(5000);
    const marked = d.outbox.resolve(
      a?.id ?? '',
      { kind: 'mark-published', url: 'https://weibo.com/123/abc' },
      '李主任',
    );
    expect(marked).toMatchObject({
      state: 'published',
      remoteUrl: 'https://weibo.com/123/abc',
      publishedAt: at(5000).toISOString(),
      nextAttemptAt: null,
    });
    const progress = d.outbox.progressOf(b?.id ?? '');
    progress.save({ mediaId: 'm-1' });
    progress.save({ uploaded: 'yes' });
    force(d, b?.id ?? '', 'failed');
    const again = d.outbox.resolve(b?.id ?? '', { kind: 'send-now' }, '李主任');
    expect(again).toMatchObject({ state: 'queued', nextAttemptAt: at(5000).toISOString() });
    expect(d.outbox.progressOf(b?.id ?? '').get()).toEqual({ mediaId: 'm-1', uploaded: 'yes' });
    const decided = d.db
      .prepare('SELECT decided_by, decided_at FROM publications WHERE id = ?')
      .get(b?.id);
    expect(decided).toEqual({ decided_by: '李主任', decided_at: at(5000).toISOString() });
  });

  it('reschedules scheduled and missed ones to a future time only', () => {
    const d = desk();
    const [p, q] = d.outbox.enqueue(
      [d.item('weibo', { scheduledAt: at(HOUR) }), d.item('mastodon')],
      'x',
    );
    const moved = d.outbox.reschedule(p?.id ?? '', at(3 * HOUR), 'x');
    expect(moved).toMatchObject({
      state: 'scheduled',
      scheduledAt: at(3 * HOUR).toISOString(),
      nextAttemptAt: at(3 * HOUR).toISOString(),
    });
    force(d, p?.id ?? '', 'missed');
    expect(d.outbox.reschedule(p?.id ?? '', at(4 * HOUR), 'x').state).toBe('scheduled');
    expect(errorOf(() => d.outbox.reschedule(p?.id ?? '', at(-1), 'x')).code).toBe('invalid_input');
    const refused = errorOf(() => d.outbox.reschedule(q?.id ?? '', at(HOUR), 'x'));
    expect(refused.code).toBe('refused');
    expect(refused.message).toContain('queued');
  });

  it('marks missed what passed by more than the window, and never a sent one', () => {
    const d = desk();
    const [early, late, sent] = d.outbox.enqueue(
      [
        d.item('weibo', { scheduledAt: at(HOUR) }),
        d.item('mastodon', { scheduledAt: at(2 * HOUR) }),
        d.item('portal', { scheduledAt: at(HOUR) }),
      ],
      'x',
    );
    // The portal one was due and attempted (a retry waits): it is not "missed".
    d.clock.set(at(HOUR));
    d.outbox.promoteDue(d.clock.now());
    d.db
      .prepare(`UPDATE publications SET state = 'retrying', attempts = 1 WHERE id = ?`)
      .run(sent?.id);
    const window = 30 * 60_000;
    expect(d.outbox.markMissed(at(HOUR + window), window)).toEqual([]);
    const missed = d.outbox.markMissed(at(2 * HOUR), window);
    expect(missed.map((p) => p.id)).toEqual([early?.id]);
    expect(missed[0]).toMatchObject({ state: 'missed', nextAttemptAt: null });
    expect(missed[0]?.lastProblem?.code).toBe('outbox.missed');
    expect(d.outbox.get(late?.id ?? '').state).toBe('scheduled');
    expect(d.outbox.get(sent?.id ?? '').state).toBe('retrying');
  });

  it('says when the next active publication is due', () => {
    const d = desk();
    expect(d.outbox.nextDueAt()).toBeNull();
    const [p] = d.outbox.enqueue([d.item('weibo', { scheduledAt: at(2 * HOUR) })], 'x');
    d.outbox.enqueue([d.item('mastodon', { scheduledAt: at(HOUR) })], 'x');
    expect(d.outbox.nextDueAt()).toEqual(at(HOUR));
    force(d, p?.id ?? '', 'failed');
    d.db.prepare(`UPDATE publications SET state = 'cancelled' WHERE state = 'scheduled'`).run();
    expect(d.outbox.nextDueAt()).toBeNull();
  });

  it('refuses progress notes that are not strings, and stored JSON that does not fit', () => {
    const d = desk();
    const [p] = d.outbox.enqueue([d.item('portal')], 'x');
    const progress = d.outbox.progressOf(p?.id ?? '');
    expect(() => progress.save({ n: 1 } as unknown as Record<string, string>)).toThrow(DeskError);
    d.db.prepare(`UPDATE publications SET last_problem = '{"code": 1}' WHERE id = ?`).run(p?.id);
    expect(errorOf(() => d.outbox.get(p?.id ?? '')).code).toBe('storage');
  });
});
