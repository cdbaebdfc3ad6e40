import { describe, expect, it } from 'vitest';
import { memoryProgress, type RemoteRef } from '../../../../src/core/channels/adapter.ts';
import {
  PORTAL_URL,
  image,
  mastodonPost,
  received,
  useMastodonSandbox,
} from './mastodonTestKit.ts';

const TEXT = `关于调整公交线路的通告\n\n${PORTAL_URL}`;

describe('Mastodon adapter: status, edit and delete', () => {
  const kit = useMastodonSandbox();

  async function published(files = [image('a.png', '线路图')], options = {}) {
    const sandbox = await kit.start({ processingPolls: 0, ...options });
    const adapter = kit.adapter(sandbox);
    const outcome = await adapter.publish(mastodonPost(TEXT, files), memoryProgress());
    if (outcome.kind !== 'published') throw new Error(`not published: ${outcome.kind}`);
    return { sandbox, adapter, remote: outcome.remote };
  }

  it('confirms a status, and reports one that was deleted', async () => {
    const { sandbox, adapter, remote } = await published([]);
    expect(await adapter.status(remote)).toEqual({ kind: 'published', remote });
    sandbox.sim.statuses.splice(0);
    expect(await adapter.status(remote)).toMatchObject({
      kind: 'failed',
      problem: { code: 'mastodon.gone' },
    });
  });

  it('edits the text and keeps an unchanged image by id, updating its description', async () => {
    const { sandbox, adapter, remote } = await published();
    const [mediaId] = [...sandbox.sim.media.keys()];
    const corrected = mastodonPost(`【更正】${TEXT}`, [{ ...image('a.png', '新线路图') }]);
    const outcome = await adapter.update(remote, corrected);
    expect(outcome).toEqual({
      kind: 'done',
      remote: { ...remote, extra: { mediaIds: mediaId, mediaHashes: corrected.media[0]?.hash } },
    });
    const [status] = sandbox.sim.statuses;
    expect(status).toMatchObject({ text: `【更正】${TEXT}`, history: [TEXT], mediaIds: [mediaId] });
    expect(status?.editedAt).not.toBeNull();
    expect(sandbox.sim.media.get(mediaId ?? '')?.description).toBe('新线路图');
    expect(received(sandbox, 'POST', '/api/v2/media')).toHaveLength(1);
  });

  it('uploads a changed image for the edit and drops the old one from the status', async () => {
    const { sandbox, adapter, remote } = await published();
    const outcome = await adapter.update(
      remote,
      mastodonPost(TEXT, [image('b.png', '新图', [0, 200, 0])]),
    );
    expect(outcome.kind).toBe('done');
    const [oldId, newId] = [...sandbox.sim.media.keys()];
    expect(sandbox.sim.statuses[0]?.mediaIds).toEqual([newId]);
    expect(sandbox.sim.media.get(oldId ?? '')?.statusId).toBeNull();
  });

  it('refuses an edit over the limit before sending, and reports a status gone', async () => {
    const { sandbox, adapter, remote } = await published([], { maxCharacters: 50 });
    const long = await adapter.update(remote, mastodonPost('政'.repeat(51)));
    expect(long).toMatchObject({ kind: 'failed', problem: { code: 'mastodon.too-long' } });
    expect(received(sandbox, 'PUT', '/api/v1/statuses')).toEqual([]);
    const gone: RemoteRef = { remoteId: '1', url: null };
    expect(await adapter.update(gone, mastodonPost('短'))).toMatchObject({
      kind: 'failed',
      reauthorize: false,
      problem: { code: 'mastodon.gone' },
    });
  });

  it('retries an edit whose reply was lost: the same edit again leaves the same status', async () => {
    const { sandbox, adapter, remote } = await published([]);
    sandbox.faults.add({ method: 'PUT', fault: { kind: 'reset-after-commit' } });
    const edit = mastodonPost(`【更正】${TEXT}`);
    expect(await adapter.update(remote, edit)).toMatchObject({ kind: 'retry' });
    expect(await adapter.update(remote, edit)).toMatchObject({ kind: 'done' });
    expect(sandbox.sim.statuses[0]?.text).toBe(`【更正】${TEXT}`);
  });

  it('deletes a status; deleting it again (404) is done too', async () => {
    const { sandbox, adapter, remote } = await published([]);
    expect(await adapter.retract(remote)).toEqual({ kind: 'done', remote });
    expect(sandbox.sim.statuses).toEqual([]);
    expect(await adapter.retract(remote)).toEqual({ kind: 'done', remote });
    expect(received(sandbox, 'DELETE', '/api/v1/statuses').map((r) => r.status)).toEqual([
      200, 404,
    ]);
    expect(adapter.repeatSafety.retract.safe).toBe(true);
  });

  it('retries a delete on a server error and fails it for a revoked token', async () => {
    const { sandbox, adapter, remote } = await published([]);
    sandbox.faults.add({ method: 'DELETE', fault: { kind: 'html-error', status: 503 } });
    expect(await adapter.retract(remote)).toMatchObject({
      kind: 'retry',
      problem: { code: 'reply.html' },
    });
    sandbox.sim.expireTokens();
    expect(await adapter.retract(remote)).toMatchObject({ kind: 'failed', reauthorize: true });
    expect(sandbox.sim.statuses).toHaveLength(1);
  });
});
