import { describe, expect, it } from 'vitest';
import { memoryProgress } from '../../../../src/core/channels/adapter.ts';
import { PORTAL_URL, useWeiboSandbox, weiboPost } from './weiboTestKit.ts';

const TEXT = `【通告】本周六举行应急演练。 ${PORTAL_URL}`;

describe('Weibo adapter: connection test, status, edit and retraction', () => {
  const kit = useWeiboSandbox();

  it('verifies the account by its uid and screen name, warning of a token about to expire', async () => {
    const sandbox = await kit.start({ tokenLifetimeMs: 24 * 3_600_000 });
    const outcome = await kit.adapter(sandbox).verify();
    expect(outcome).toMatchObject({ ok: true, accountName: '通州发布沙盒' });
    const details = outcome.ok ? outcome.details : [];
    const uid = String(sandbox.sim.uid);
    expect(details[0]).toEqual({ zh: `微博用户 ID：${uid}`, en: `Weibo user id: ${uid}` });
    expect(details).toContainEqual({
      zh: '每条微博最多 140 字。',
      en: 'At most 140 characters a post.',
    });
    // A token of one day: its recorded expiry day is at most 3 days away.
    expect(sandbox.account.settings.tokenExpiresOn).toBe('2025-03-02');
    expect(details.map((d) => d.en)).toContainEqual(
      expect.stringMatching(/^Warning: the access token expires on 2025-03-02/),
    );
    expect(details.map((d) => d.zh)).toContainEqual(
      expect.stringMatching(/^警告：访问令牌将于 2025-03-02 到期/),
    );
    const later = await kit
      .adapter(sandbox, { settings: { tokenExpiresOn: '2025-04-30' } })
      .verify();
    expect(later.ok).toBe(true);
    const laterDetails = later.ok ? later.details : [];
    expect(laterDetails.some((d) => d.en.includes('Warning') || d.zh.includes('警告'))).toBe(false);
    expect(laterDetails.map((d) => d.en)).toContain('The access token is valid until 2025-04-30.');
  });

  it('fails verification with re-authorisation for a bad or expired token', async () => {
    const sandbox = await kit.start();
    expect(await kit.adapter(sandbox, { secrets: { accessToken: 'nope' } }).verify()).toMatchObject(
      {
        ok: false,
        reauthorize: true,
        problem: { code: 'weibo.21332' },
      },
    );
    sandbox.sim.expireTokens();
    expect(await kit.adapter(sandbox).verify()).toMatchObject({
      ok: false,
      reauthorize: true,
      problem: { code: 'weibo.21327' },
    });
  });

  it('fails verification without re-authorisation when Weibo is unreachable or answers HTML', async () => {
    const sandbox = await kit.start();
    sandbox.faults.add({ path: '/2/account/get_uid.json', fault: { kind: 'html-error' } });
    expect(await kit.adapter(sandbox).verify()).toMatchObject({
      ok: false,
      reauthorize: false,
      problem: { code: 'reply.html' },
    });
  });

  it('still passes with the uid when only the screen name cannot be read', async () => {
    const sandbox = await kit.start();
    sandbox.faults.add({ path: '/2/users/show.json', fault: { kind: 'malformed-json' } });
    const outcome = await kit.adapter(sandbox).verify();
    expect(outcome).toMatchObject({ ok: true, accountName: String(sandbox.sim.uid) });
    const detail = outcome.ok ? outcome.details[1] : undefined;
    expect(detail?.en).toMatch(/^Could not read the account's screen name: /);
    expect(detail?.zh).toMatch(/^未能读取账号昵称：/);
  });

  it('confirms a published status, and reports one deleted on Weibo', async () => {
    const sandbox = await kit.start({ destroyAllowed: true });
    const adapter = kit.adapter(sandbox);
    const published = await adapter.publish(weiboPost(TEXT), memoryProgress());
    if (published.kind !== 'published') throw new Error(published.kind);
    expect(await adapter.status(published.remote)).toEqual(published);
    sandbox.sim.statuses.splice(0);
    expect(await adapter.status(published.remote)).toMatchObject({
      kind: 'failed',
      problem: { code: 'weibo.20101' },
    });
  });

  it('asks a person to edit by hand: Weibo has no edit', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    const published = await adapter.publish(weiboPost(TEXT), memoryProgress());
    if (published.kind !== 'published') throw new Error(published.kind);
    const outcome = await adapter.update(published.remote, weiboPost(`【更正】${TEXT}`));
    expect(outcome).toMatchObject({
      kind: 'manual',
      url: published.remote.url,
      instructions: { code: 'weibo.no-edit' },
    });
    expect(outcome.kind === 'manual' && outcome.instructions.message.en).toContain(
      published.remote.url ?? '',
    );
    expect(sandbox.sim.statuses[0]?.sentText).toBe(TEXT);
  });

  it('asks a person to delete by hand when the app may not delete (10014)', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    const published = await adapter.publish(weiboPost(TEXT), memoryProgress());
    if (published.kind !== 'published') throw new Error(published.kind);
    const outcome = await adapter.retract(published.remote);
    expect(outcome).toMatchObject({
      kind: 'manual',
      url: published.remote.url,
      instructions: {
        code: 'weibo.delete-by-hand',
        channelSaid: '10014 Insufficient app permissions!',
      },
    });
    expect(outcome.kind === 'manual' && outcome.instructions.message.zh).toContain(
      published.remote.url ?? '',
    );
    expect(sandbox.sim.statuses).toHaveLength(1);
  });

  it('deletes through destroy/biz.json when allowed; deleting again is done', async () => {
    const sandbox = await kit.start({ destroyAllowed: true });
    const adapter = kit.adapter(sandbox);
    const published = await adapter.publish(weiboPost(TEXT), memoryProgress());
    if (published.kind !== 'published') throw new Error(published.kind);
    expect(await adapter.retract(published.remote)).toEqual({
      kind: 'done',
      remote: published.remote,
    });
    expect(sandbox.sim.statuses).toEqual([]);
    expect(await adapter.retract(published.remote)).toEqual({
      kind: 'done',
      remote: published.remote,
    });
  });

  it('retries a deletion whose reply was lost: deleting is safe to repeat', async () => {
    const sandbox = await kit.start({ destroyAllowed: true });
    const adapter = kit.adapter(sandbox);
    const published = await adapter.publish(weiboPost(TEXT), memoryProgress());
    if (published.kind !== 'published') throw new Error(published.kind);
    sandbox.faults.add({
      path: '/2/statuses/destroy/biz.json',
      fault: { kind: 'reset-after-commit' },
    });
    expect(await adapter.retract(published.remote)).toMatchObject({
      kind: 'retry',
      afterMs: 30_000,
    });
    expect(await adapter.retract(published.remote)).toMatchObject({ kind: 'done' });
    expect(adapter.repeatSafety.retract.safe).toBe(true);
    expect(adapter.repeatSafety.publish.safe).toBe(false);
  });
});
