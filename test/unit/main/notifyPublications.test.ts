import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../src/core/events/eventBus.ts';
import { notifyPublications, type NotificationLike } from '../../../src/main/notifyPublications.ts';

const detail = (state: string) => ({
  id: '7b0d6a52-1c2e-4a8e-9a51-3f2f0c6f1a01',
  releaseId: '3b9a2a4e-8a53-4d49-9d76-d1a5a3c0e7a2',
  revision: 2,
  title: '区政府召开防汛工作会议',
  accountId: '0f6c6e35-3f52-4bb6-8f0c-1b2d3e4f5a6b',
  accountName: '通州发布',
  channel: 'weibo',
  sandbox: false,
  state,
  scheduledAt: null,
  nextAttemptAt: null,
  attempts: 1,
  remoteId: null,
  remoteUrl: null,
  lastProblem: {
    code: 'weibo.21327',
    message: {
      zh: '微博访问令牌已过期，请重新授权。',
      en: 'The Weibo token expired; re-authorise.',
    },
  },
  dependsOn: null,
  createdAt: '2026-11-27T01:00:00.000Z',
  createdBy: '王编辑',
  updatedAt: '2026-11-27T01:00:05.000Z',
  publishedAt: null,
  attemptLog: [],
});

describe('notifyPublications', () => {
  it('raises a system notification, in the interface language, when a publication needs a person', async () => {
    const events = new EventBus();
    let state = 'needs_reauth';
    const shown: { title: string; body: string; clicked: () => void }[] = [];
    let revealed = 0;
    const stop = notifyPublications(
      { events, call: async () => ({ ok: true, value: detail(state) }) },
      (options) => {
        const entry: { title: string; body: string; clicked: () => void } = {
          ...options,
          clicked: () => undefined,
        };
        const n: NotificationLike = {
          show: () => shown.push(entry),
          on: (_event, listener) => {
            entry.clicked = listener;
          },
        };
        return n;
      },
      () => revealed++,
      () => 'zh-CN',
    );
    const payload = { id: detail('x').id, releaseId: detail('x').releaseId };
    events.emit('publication.changed', { ...payload, state: 'needs_reauth' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shown).toHaveLength(1);
    expect(shown[0]?.title).toBe('“区政府召开防汛工作会议”发往微博 · 通州发布需要处理');
    expect(shown[0]?.body).toBe('微博访问令牌已过期，请重新授权。');
    shown[0]?.clicked();
    expect(revealed).toBe(1);

    // Progress that needs nobody raises nothing.
    state = 'published';
    events.emit('publication.changed', { ...payload, state: 'published' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shown).toHaveLength(1);
    stop();
  });
});
