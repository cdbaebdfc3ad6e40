import type { ChannelProblemView } from '../../shared/channels/account.ts';
import type { PublicationChange } from '../../shared/publish/publicationChange.ts';
import type { PublicationView } from '../../shared/publish/publication.ts';
import type { AnyChannelAdapter, ChangeOutcome } from '../channels/adapter.ts';
import type { ChannelProblem } from '../channels/channelProblem.ts';
import type { DraftsRepository } from '../drafts/draftsRepository.ts';
import { DeskError } from '../errors.ts';
import type { Logger } from '../log/logger.ts';
import { updateWith } from './adapterCalls.ts';
import type { ChangesRepository } from './changesRepository.ts';
import type { OutboxRepository } from './outboxRepository.ts';
import type { Publishing } from './publishing.ts';

/** States whose publication has not gone out yet: a retraction cancels them instead. */
const NOT_SENT = new Set(['scheduled', 'queued', 'retrying', 'missed', 'failed', 'needs_reauth']);

export interface ReleaseChangesDeps {
  outbox: OutboxRepository;
  changes: ChangesRepository;
  drafts: DraftsRepository;
  publishing: Publishing;
  adapterFor(accountId: string): AnyChannelAdapter | undefined;
  log: Logger;
}

const view = (problem: ChannelProblem): ChannelProblemView => ({
  code: problem.code,
  message: problem.message,
  ...(problem.channelSaid === undefined ? {} : { channelSaid: problem.channelSaid }),
});

const NO_ADAPTER: ChannelProblemView = {
  code: 'outbox.no-adapter',
  message: {
    zh: '这个账号现在无法连接（账号已删除，或沙箱渠道未启动）。请在渠道上手动处理。',
    en: 'This account cannot be reached now (removed, or the sandbox channels are not running). Do it on the channel by hand.',
  },
};

/**
 * Retract or correct a release everywhere it went. Each published publication is changed
 * through its channel's API where the channel allows it; where it does not (Weibo delete for
 * ordinary apps, WeChat edits) the record holds the instructions and the link for a person,
 * who confirms once done. Publications not yet sent are cancelled by a retraction. Every
 * request and its outcome is recorded (publication_changes, append-only).
 */
export class ReleaseChanges {
  private readonly deps: ReleaseChangesDeps;

  constructor(deps: ReleaseChangesDeps) {
    this.deps = deps;
  }

  async retract(releaseId: string, reason: string, person: string): Promise<PublicationChange[]> {
    const { outbox, changes } = this.deps;
    const publications = outbox.list({ releaseId, limit: 1000 });
    if (publications.length === 0)
      throw new DeskError('refused', 'This release was never published.');
    for (const p of publications.filter((x) => NOT_SENT.has(x.state))) {
      outbox.resolve(p.id, { kind: 'cancel' }, person);
    }
    for (const p of publications.filter((x) => x.state === 'published')) {
      const adapter = this.deps.adapterFor(p.accountId);
      const outcome: ChangeOutcome | undefined = adapter
        ? await this.safely(p, () => adapter.retract(changes.remoteOf(p.id)))
        : undefined;
      this.recordOutcome(p, 'retract', reason, person, null, outcome);
    }
    return changes.list(releaseId);
  }

  /**
   * Brings every published publication to the draft as it is now (pinned as a new revision):
   * updated in place where the channel allows it; elsewhere a person publishes a correction
   * notice (the record says so, with the link).
   */
  async correct(releaseId: string, reason: string, person: string): Promise<PublicationChange[]> {
    const { outbox, changes, drafts, publishing } = this.deps;
    const published = outbox
      .list({ releaseId, limit: 1000 })
      .filter((p) => p.state === 'published');
    if (published.length === 0)
      throw new DeskError('refused', 'Nothing of this release is published to correct.');
    const revision = drafts.checkpoint(releaseId).number;
    const portalUrl = published.find((p) => p.channel === 'portal')?.remoteUrl ?? null;
    for (const p of published) {
      const adapter = this.deps.adapterFor(p.accountId);
      const post = publishing.postFor({ ...p, revision }, { portalUrl });
      const outcome = adapter
        ? await this.safely(p, () => updateWith(adapter, changes.remoteOf(p.id), post))
        : undefined;
      this.recordOutcome(p, 'correct', reason, person, revision, outcome);
    }
    return changes.list(releaseId);
  }

  /** A person confirms they retracted (or corrected) one publication by hand. */
  confirm(publicationId: string, kind: 'retract' | 'correct', person: string): void {
    const p = this.deps.outbox.get(publicationId);
    this.deps.changes.record({
      publicationId,
      kind,
      person,
      reason: '',
      revision: null,
      outcome: 'confirmed',
      problem: null,
      url: p.remoteUrl,
      retracted: kind === 'retract',
    });
  }

  private async safely(
    p: PublicationView,
    call: () => Promise<ChangeOutcome>,
  ): Promise<ChangeOutcome> {
    try {
      return await call();
    } catch (error) {
      // A defect in an adapter: the request may have reached the channel.
      this.deps.log.error('publish.change_failed', { id: p.id, error: String(error) });
      return {
        kind: 'unknown',
        problem: {
          channel: p.channel,
          code: 'outbox.adapter-defect',
          message: {
            zh: 'PressDesk 内部出错，不确定渠道是否已处理。请在渠道上核对。',
            en: 'PressDesk failed internally; the channel may or may not have done it. Check on the channel.',
          },
        },
      };
    }
  }

  private recordOutcome(
    p: PublicationView,
    kind: 'retract' | 'correct',
    reason: string,
    person: string,
    revision: number | null,
    outcome: ChangeOutcome | undefined,
  ): void {
    const base = { publicationId: p.id, kind, person, reason, revision };
    if (outcome === undefined) {
      this.deps.changes.record({
        ...base,
        outcome: 'manual',
        problem: NO_ADAPTER,
        url: p.remoteUrl,
      });
      return;
    }
    switch (outcome.kind) {
      case 'done':
        this.deps.changes.record({
          ...base,
          outcome: 'done',
          problem: null,
          url: outcome.remote.url ?? p.remoteUrl,
          retracted: kind === 'retract',
        });
        return;
      case 'manual':
        this.deps.changes.record({
          ...base,
          outcome: 'manual',
          problem: view(outcome.instructions),
          url: outcome.url ?? p.remoteUrl,
        });
        return;
      case 'retry':
      case 'failed':
      case 'unknown':
        this.deps.changes.record({
          ...base,
          outcome: outcome.kind,
          problem: view(outcome.problem),
          url: p.remoteUrl,
        });
        return;
      default: {
        const never: never = outcome;
        throw new Error(`unknown change outcome ${JSON.stringify(never)}`);
      }
    }
  }
}
