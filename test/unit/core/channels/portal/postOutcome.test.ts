import { describe, expect, it } from 'vitest';
import { postOutcome } from '../../../../../src/core/channels/portal/portalPostOutcome.ts';

const post = (status: string) => ({ id: 12, link: 'https://x.cn/?p=12', status, slug: 'pd-a' });

describe('postOutcome', () => {
  it('publish and future are published (WordPress publishes a scheduled post itself)', () => {
    for (const status of ['publish', 'future']) {
      expect(postOutcome(post(status))).toEqual({
        kind: 'published',
        remote: { remoteId: '12', url: 'https://x.cn/?p=12', extra: { status, slug: 'pd-a' } },
      });
    }
  });

  it('pending and draft are pending (held on the site), asked again later', () => {
    const outcome = postOutcome(post('pending'));
    expect(outcome).toMatchObject({ kind: 'pending', checkAfterMs: 900_000 });
    expect(outcome.kind === 'pending' && outcome.problem?.code).toBe('portal.held-for-review');
    expect(postOutcome(post('draft')).kind).toBe('pending');
  });

  it('trash and private are failed, with what a person should do', () => {
    const trashed = postOutcome(post('trash'));
    expect(trashed.kind === 'failed' && trashed.problem.code).toBe('portal.trashed');
    expect(trashed.kind === 'failed' && trashed.problem.message.en).toContain('Posts → Trash');
    const hidden = postOutcome(post('private'));
    expect(hidden.kind === 'failed' && hidden.problem.code).toBe('portal.not-public');
  });
});
