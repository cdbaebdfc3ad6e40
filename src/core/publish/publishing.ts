import type { ApiOutput, ApiParsedInput } from '../../shared/api/contract.ts';
import { publicationKey, type PublicationView } from '../../shared/publish/publication.ts';
import type { AccountAdapters } from '../accounts/accountAdapters.ts';
import type { AccountsRepository } from '../accounts/accountsRepository.ts';
import type { ChannelPost } from '../channels/channelPost.ts';
import type { Clock } from '../clock.ts';
import type { DraftsRepository } from '../drafts/draftsRepository.ts';
import { DeskError } from '../errors.ts';
import type { MediaLibrary } from '../media/mediaLibrary.ts';
import type { DraftPreview } from '../../shared/content/preview.ts';
import type { Draft } from '../../shared/domain/draft.ts';
import { channelPostOf } from './channelPostOf.ts';
import { blocking, needsConfirmation } from '../content/checks/runChecks.ts';
import type { EnqueueItem, OutboxRepository } from './outboxRepository.ts';

export interface PublishingDeps {
  drafts: DraftsRepository;
  accounts: AccountsRepository;
  adapters: AccountAdapters;
  outbox: OutboxRepository;
  media: MediaLibrary;
  clock: Clock;
  /** The checks of a draft as it is now (drafts.preview's findings). */
  preview(draft: Draft): DraftPreview;
}

/**
 * Publish and schedule: pins what is published, refuses what the checks block, writes the
 * publications to the outbox in one transaction; and builds each publication's post for the
 * dispatcher from exactly the pinned revision.
 */
export class Publishing {
  private readonly deps: PublishingDeps;

  constructor(deps: PublishingDeps) {
    this.deps = deps;
  }

  enqueue(input: ApiParsedInput<'publish.enqueue'>, person: string): ApiOutput<'publish.enqueue'> {
    const { drafts, accounts, outbox, clock } = this.deps;
    const seen = new Set<string>();
    for (const item of input.items) {
      if (seen.has(item.accountId)) {
        throw new DeskError('invalid_input', 'An account is chosen twice.', {
          issues: [{ path: 'items', message: 'Choose each account once.' }],
        });
      }
      seen.add(item.accountId);
    }
    const chosen = input.items.map((item) => ({ item, account: accounts.get(item.accountId) }));
    const unusable = chosen.filter(
      ({ account }) => this.deps.adapters.adapterFor(account) === undefined,
    );
    if (unusable.length > 0) {
      throw new DeskError(
        'refused',
        `The sandbox channels are not running, so these sandbox accounts cannot publish: ${unusable.map((u) => u.account.name).join('、')}. Start PressDesk with its sandbox channels (bash scripts/run.sh start).`,
      );
    }
    // 发布与解读同步: a policy interpretation may take the policy it explains (a draft in this
    // desk) along, in one action: on each account the policy first, then the interpretation.
    const draft = drafts.get(input.releaseId);
    const policyId =
      input.withPolicy &&
      draft.meta.kind === 'policy_interpretation' &&
      draft.meta.policy.source === 'draft'
        ? draft.meta.policy.draftId
        : null;
    if (input.withPolicy && policyId === null) {
      throw new DeskError(
        'refused',
        'Only a policy interpretation that names a policy draft of this desk can take it along.',
      );
    }
    const releases = policyId === null ? [input.releaseId] : [policyId, input.releaseId];
    // What is published is exactly these revisions (each working copy, made a revision now),
    // and only when none of them has a finding that blocks or waits for a confirmation.
    const pinned = releases.map((id) => {
      const revision = drafts.checkpoint(id);
      const current = drafts.get(id);
      const findings = this.deps.preview(current).findings;
      const stops = [...blocking(findings), ...needsConfirmation(findings)];
      if (stops.length > 0) {
        throw new DeskError(
          'refused',
          `“${current.title}” cannot be published while ${stops.length} check finding(s) must be fixed or confirmed (see 发布前检查 / Pre-publish checks).`,
          { issues: stops.slice(0, 20).map((f) => ({ path: 'findings', message: f.message.en })) },
        );
      }
      return { draft: current, revision: revision.number };
    });
    // The portal first: the others link to its page, so they wait for it.
    const ordered = [...chosen].sort(
      (a, b) => Number(b.account.channel === 'portal') - Number(a.account.channel === 'portal'),
    );
    const now = clock.now();
    const items: EnqueueItem[] = [];
    pinned.forEach(({ draft: release, revision }, r) => {
      const offset = items.length;
      const portalIndex = ordered.findIndex(({ account }) => account.channel === 'portal');
      ordered.forEach(({ item, account }, index) => {
        items.push({
          releaseId: release.id,
          revision,
          title: release.title,
          accountId: account.id,
          channel: account.channel,
          scheduledAt:
            item.scheduledAt === null || new Date(item.scheduledAt) <= now
              ? null
              : new Date(item.scheduledAt),
          dependsOn:
            portalIndex >= 0 && index !== portalIndex && account.channel !== 'portal'
              ? offset + portalIndex
              : null,
          // The interpretation goes after the policy on the same account.
          after: r === 0 ? null : index,
        });
      });
    });
    return outbox.enqueue(items, person);
  }

  /** The post of one publication, from its pinned revision. */
  postFor(publication: PublicationView, context: { portalUrl: string | null }): ChannelPost {
    const revision = this.deps.drafts.revision(publication.releaseId, publication.revision);
    return channelPostOf(
      { title: revision.title, meta: revision.meta, body: revision.body },
      publication.channel,
      {
        key: publicationKey(publication.id),
        releaseId: publication.releaseId,
        media: this.deps.media,
        portalUrl: context.portalUrl,
        now: this.deps.clock.now(),
        // The outbox owns timing: a post goes out when it is due, never scheduled on the channel,
        // so a release whose time passed while PressDesk was closed waits as "missed".
        publishAt: null,
      },
    );
  }
}
