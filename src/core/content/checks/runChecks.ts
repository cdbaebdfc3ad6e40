import type { Document } from '../../../shared/document/nodes.ts';
import type { DocumentMeta } from '../../../shared/domain/documentMeta.ts';
import type { MediaItem } from '../../../shared/domain/media.ts';
import type { ChannelId } from '../../../shared/content/channelId.ts';
import type { FieldText } from '../../../shared/content/checkedField.ts';
import { checkChannelLimits, type ChannelMeasures } from './checkChannelLimits.ts';
import { checkExpressions } from './checkExpressions.ts';
import { checkImages } from './checkImages.ts';
import { checkLinks } from './checkLinks.ts';
import { checkPersonalData } from './checkPersonalData.ts';
import { compareFindings } from './compareFindings.ts';
import type { CompiledWordList } from './compileWordList.ts';
import { documentSpans } from './documentSpans.ts';
import type { Finding } from '../../../shared/content/finding.ts';

export interface CheckInput {
  doc: Document;
  title: string;
  meta: DocumentMeta;
  /** compileWordList(mergeWordLists(shipped, custom)), built once and reused. */
  wordList: CompiledWordList;
  /** The office's date, YYYY-MM-DD (birth dates after it are not real ID numbers). */
  today: string;
  media: ReadonlyMap<string, MediaItem>;
  channels: readonly ChannelId[];
  /** One per channel rendered; see ChannelMeasures. */
  measures: readonly ChannelMeasures[];
}

/** The text fields scanned for expressions and personal data, in editor order. */
export function textFields(title: string, meta: DocumentMeta): FieldText[] {
  const fields: FieldText[] = [
    { field: 'title', text: title },
    { field: 'subtitle', text: meta.subtitle },
    { field: 'source', text: meta.source },
    { field: 'issuingUnit', text: meta.issuingUnit },
    { field: 'author', text: meta.author },
    ...meta.keywords.map((text) => ({ field: 'keywords' as const, text })),
    { field: 'summary', text: meta.summary },
  ];
  if (meta.kind === 'policy_interpretation' && meta.policy.source === 'published')
    fields.push({ field: 'policy.title', text: meta.policy.title });
  if (meta.kind === 'consultation') fields.push({ field: 'howToRespond', text: meta.howToRespond });
  // What the editor wrote for a channel goes out too: it is checked like the rest.
  const c = meta.channels;
  fields.push(
    ...c.portal.tags.map((text) => ({ field: 'channels.portal.tags' as const, text })),
    { field: 'channels.wechat.title', text: c.wechat.title },
    { field: 'channels.wechat.digest', text: c.wechat.digest },
    { field: 'channels.wechat.author', text: c.wechat.author },
    { field: 'channels.weibo.text', text: c.weibo.text },
    { field: 'channels.mastodon.text', text: c.mastodon.text },
    ...c.mastodon.tags.map((text) => ({ field: 'channels.mastodon.tags' as const, text })),
    { field: 'channels.appfeed.title', text: c.appfeed.title },
    { field: 'channels.appfeed.summary', text: c.appfeed.summary },
    ...c.appfeed.tags.map((text) => ({ field: 'channels.appfeed.tags' as const, text })),
  );
  return fields.filter((f) => f.text !== '');
}

/**
 * Every check over one release, in the one order of compareFindings (body in document order,
 * then fields, then channels; then checkId): the same input gives the same list.
 * Pure: no clock, no network, no files.
 */
export function runChecks(input: CheckInput): Finding[] {
  const spans = documentSpans(input.doc);
  const fields = textFields(input.title, input.meta);
  const findings = [
    ...checkExpressions({ blocks: spans.blocks, fields }, input.wordList),
    ...checkPersonalData({
      blocks: spans.blocks,
      fields,
      today: input.today,
      confirmed: new Set(input.meta.publicPersonalData),
    }),
    ...checkLinks(spans, input.meta),
    ...checkImages({ spans, meta: input.meta, media: input.media, channels: input.channels }),
    ...input.measures.flatMap(checkChannelLimits),
  ];
  return findings.sort(compareFindings);
}

/** The findings that stop approval and publishing. */
export const blocking = (findings: readonly Finding[]): Finding[] =>
  findings.filter((f) => f.severity === 'block');

/** The findings a person must confirm before publishing (personal data). */
export const needsConfirmation = (findings: readonly Finding[]): Finding[] =>
  findings.filter((f) => f.severity === 'confirm');
