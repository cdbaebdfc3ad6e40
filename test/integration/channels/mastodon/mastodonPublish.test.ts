import { describe, expect, it } from 'vitest';
import { memoryProgress } from '../../../../src/core/channels/adapter.ts';
import { mediaNote } from '../../../../src/core/channels/mastodon/mastodonMedia.ts';
import { MASTODON_PENDING_SINCE } from '../../../../src/core/channels/mastodon/mastodonPublish.ts';
import {
  PORTAL_URL,
  image,
  mastodonPost,
  received,
  useMastodonSandbox,
} from './mastodonTestKit.ts';

const TEXT = `关于开展2025年政务公开工作的通知\n\n区政府部署年度政务公开工作。\n\n${PORTAL_URL}\n\n#政务公开`;

describe('Mastodon adapter: connection test and publishing to the sandbox', () => {
  const kit = useMastodonSandbox();

  it('verifies the account as @acct and reports the instance’s limit', async () => {
    const sandbox = await kit.start({ maxCharacters: 1000 });
    const outcome = await kit.adapter(sandbox).verify();
    expect(outcome).toMatchObject({ ok: true, accountName: '@tongzhou' });
    const details = outcome.ok ? outcome.details : [];
    expect(details.map((d) => d.en)).toContainEqual(
      expect.stringMatching(/^At most 1000 characters a post/),
    );
    expect(details.map((d) => d.zh)).toContainEqual(expect.stringMatching(/^每条嘟文最多 1000 字/));
    expect(details[0]?.en).toMatch(/ \(Mastodon 4\.3\.0\)$/);
    expect(details[0]?.zh).toMatch(/（Mastodon 4\.3\.0）$/);
  });

  it('fails verification with re-authorisation for a bad token', async () => {
    const sandbox = await kit.start();
    const outcome = await kit.adapter(sandbox, { secrets: { accessToken: 'wrong' } }).verify();
    expect(outcome).toMatchObject({
      ok: false,
      reauthorize: true,
      problem: { code: 'mastodon.401', channelSaid: 'The access token is invalid' },
    });
    expect(await kit.adapter(sandbox, { secrets: {} }).verify()).toMatchObject({
      ok: false,
      reauthorize: true,
      problem: { code: 'mastodon.no-token' },
    });
  });

  it('assumes the default limits of an instance without /api/v2/instance', async () => {
    const sandbox = await kit.start();
    sandbox.faults.add({
      path: '/api/v2/instance',
      fault: { kind: 'status', status: 404, body: '{"error":"Record not found"}' },
    });
    const outcome = await kit.adapter(sandbox).verify();
    const details = outcome.ok ? outcome.details : [];
    expect(details.map((d) => d.en)).toContainEqual(
      expect.stringMatching(/^At most 500 characters/),
    );
    expect(details.map((d) => d.en)).toContainEqual(
      expect.stringMatching(/default limits are assumed/),
    );
    expect(details.map((d) => d.zh)).toContainEqual(expect.stringMatching(/按默认上限计算/));
  });

  it('publishes a text status with the key, visibility and language, and returns its address', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox, { settings: { visibility: 'unlisted' } });
    const outcome = await adapter.publish(mastodonPost(TEXT), memoryProgress());
    const [status] = sandbox.sim.statuses;
    expect(outcome).toEqual({
      kind: 'published',
      remote: { remoteId: status?.id, url: `${sandbox.url}/@tongzhou/${status?.id}` },
    });
    expect(status).toMatchObject({ text: TEXT, visibility: 'unlisted', language: 'zh' });
    // The instance limit is read once per adapter.
    await adapter.publish(mastodonPost(`${TEXT} 2`, [], 'release-2-mastodon'), memoryProgress());
    expect(received(sandbox, 'GET', '/api/v2/instance')).toHaveLength(1);
  });

  it('uploads media with descriptions, polls until processed, then posts with their ids', async () => {
    const sandbox = await kit.start({ processingPolls: 3 });
    const files = [image('会场.png', '会议现场'), image('合影.png', '参会人员合影', [200, 0, 0])];
    const progress = memoryProgress();
    const outcome = await kit.adapter(sandbox).publish(mastodonPost(TEXT, files), progress);
    expect(outcome.kind).toBe('published');
    const media = [...sandbox.sim.media.values()];
    expect(media.map((m) => [m.fileName, m.description])).toEqual([
      ['会场.png', '会议现场'],
      ['合影.png', '参会人员合影'],
    ]);
    const [status] = sandbox.sim.statuses;
    expect(status?.mediaIds).toEqual(media.map((m) => m.id));
    // Each upload was answered 202, then polled: three 206 and one 200.
    expect(received(sandbox, 'GET', '/api/v1/media/')).toHaveLength(8);
    expect(kit.sleeps).toEqual(Array(8).fill(1_500));
    expect(outcome.kind === 'published' && outcome.remote.extra).toEqual({
      mediaIds: media.map((m) => m.id).join(','),
      mediaHashes: files.map((f) => f.hash).join(','),
    });
    expect(progress.get()[mediaNote(1).id]).toBe(media[1]?.id);
    expect(progress.get()[mediaNote(1).ready]).toBe('1');
  });

  it('answers retry when processing takes longer than the polls allow, and continues later without uploading again', async () => {
    const sandbox = await kit.start({ processingPolls: 25 });
    const adapter = kit.adapter(sandbox);
    const progress = memoryProgress();
    const post = mastodonPost(TEXT, [image('a.png', 'A')]);
    const first = await adapter.publish(post, progress);
    expect(first).toMatchObject({
      kind: 'retry',
      afterMs: 60_000,
      problem: { code: 'mastodon.media-processing' },
    });
    expect(first.kind === 'retry' && first.problem.message.en).toContain('"a.png"');
    expect(received(sandbox, 'GET', '/api/v1/media/')).toHaveLength(20);
    expect(sandbox.sim.statuses).toEqual([]);
    const second = await adapter.publish(post, progress);
    expect(second.kind).toBe('published');
    expect(received(sandbox, 'POST', '/api/v2/media')).toHaveLength(1);
    expect(received(sandbox, 'GET', '/api/v1/media/')).toHaveLength(26);
  });

  it('reuses uploaded media on a later attempt after a server error on the status', async () => {
    const sandbox = await kit.start({ processingPolls: 0 });
    const adapter = kit.adapter(sandbox);
    const progress = memoryProgress();
    const post = mastodonPost(TEXT, [image('a.png', 'A'), image('b.png', 'B', [1, 2, 3])]);
    sandbox.faults.add({
      method: 'POST',
      path: '/api/v1/statuses',
      fault: { kind: 'status', status: 503, body: '{"error":"Service Unavailable"}' },
    });
    const first = await adapter.publish(post, progress);
    expect(first).toMatchObject({
      kind: 'retry',
      afterMs: 120_000,
      problem: { code: 'mastodon.503' },
    });
    expect(received(sandbox, 'GET', '/api/v1/media/')).toEqual([]); // 200 at upload: no polls
    const second = await adapter.publish(post, progress);
    expect(second.kind).toBe('published');
    expect(received(sandbox, 'POST', '/api/v2/media')).toHaveLength(2);
    expect(sandbox.sim.statuses[0]?.mediaIds).toEqual([...sandbox.sim.media.keys()]);
  });

  it('polls again when the server says the media are not processed yet (422)', async () => {
    const sandbox = await kit.start({ processingPolls: 2 });
    const adapter = kit.adapter(sandbox);
    const file = image('c.png', 'C');
    const post = mastodonPost(TEXT, [file]);
    // Another client uploads the file; an earlier attempt recorded it as processed, wrongly.
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(await file.read())], { type: 'image/png' }), 'c.png');
    const response = await fetch(`${sandbox.url}/api/v2/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.account.secrets['accessToken'] ?? ''}` },
      body: form,
    });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    const note = mediaNote(0);
    const progress = memoryProgress({ [note.id]: id, [note.hash]: file.hash, [note.ready]: '1' });
    const refused = await adapter.publish(post, progress);
    expect(refused).toMatchObject({
      kind: 'retry',
      afterMs: 30_000,
      problem: { code: 'mastodon.media-not-ready' },
    });
    expect(refused.kind === 'retry' && refused.problem.channelSaid).toMatch(
      /not finished processing/,
    );
    expect(progress.get()[note.ready]).toBe('');
    expect(progress.get()[MASTODON_PENDING_SINCE]).toBe('');
    expect(await adapter.publish(post, progress)).toMatchObject({ kind: 'published' });
    expect(received(sandbox, 'GET', '/api/v1/media/')).toHaveLength(3); // 206, 206, 200
    expect(sandbox.sim.statuses[0]?.mediaIds).toEqual([id]);
  });

  it('refuses before sending: too long for the instance, more than 4 media', async () => {
    const sandbox = await kit.start({ maxCharacters: 100 });
    const adapter = kit.adapter(sandbox);
    // 80 CJK + space + URL(23) = 104 > 100.
    const long = await adapter.publish(
      mastodonPost(`${'政'.repeat(80)} ${PORTAL_URL}`),
      memoryProgress(),
    );
    expect(long).toMatchObject({
      kind: 'failed',
      reauthorize: false,
      problem: { code: 'mastodon.too-long' },
    });
    expect(long.kind === 'failed' && long.problem.message.en).toMatch(
      /counts 104 characters .* limit of 100/,
    );
    const five = Array.from({ length: 5 }, (_, i) => image(`${i}.png`, `${i}`, [i, i, i]));
    const many = await adapter.publish(mastodonPost('五张图', five), memoryProgress());
    expect(many).toMatchObject({ kind: 'failed', problem: { code: 'mastodon.too-many-media' } });
    expect(received(sandbox, 'POST', '/api/v1/statuses')).toEqual([]);
    expect(received(sandbox, 'POST', '/api/v2/media')).toEqual([]);
  });

  it('reports the server’s refusal (422) with its words when the instance counts differently', async () => {
    const sandbox = await kit.start({ maxCharacters: 100 });
    // The adapter is told 1000; the server enforces 100.
    sandbox.faults.add({
      path: '/api/v2/instance',
      fault: {
        kind: 'status',
        status: 200,
        body: '{"version":"4.3.0","configuration":{"statuses":{"max_characters":1000}}}',
      },
    });
    const outcome = await kit
      .adapter(sandbox)
      .publish(mastodonPost('政'.repeat(150)), memoryProgress());
    expect(outcome).toMatchObject({
      kind: 'failed',
      reauthorize: false,
      problem: {
        code: 'mastodon.422',
        channelSaid: 'Validation failed: Text character limit of 100 exceeded',
      },
    });
    expect(outcome.kind === 'failed' && outcome.problem.message.zh).toContain(
      'Text character limit of 100 exceeded',
    );
  });

  it('asks for re-authorisation when the token expires, and refuses an image the server rejects', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    sandbox.faults.add({ path: '/api/v1/statuses', fault: { kind: 'expire-token' } });
    expect(await adapter.publish(mastodonPost(TEXT), memoryProgress())).toMatchObject({
      kind: 'failed',
      reauthorize: true,
      problem: { code: 'mastodon.401' },
    });
    const other = await kit.start();
    const bmp = { ...image('scan.bmp', '扫描件'), mimeType: 'image/bmp' };
    const refused = await kit.adapter(other).publish(mastodonPost(TEXT, [bmp]), memoryProgress());
    expect(refused).toMatchObject({ kind: 'failed', problem: { code: 'mastodon.media-type' } });
    expect(refused.kind === 'failed' && refused.problem.message.en).toContain('"scan.bmp"');
  });
});
