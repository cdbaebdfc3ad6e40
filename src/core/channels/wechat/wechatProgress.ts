import { z } from 'zod';
import type { Progress, RemoteRef } from '../adapter.ts';

/**
 * The notes a WeChat publication keeps in its Progress (strings; '' means "not set", as
 * Progress only merges):
 * - mediaId: the draft's media_id, saved as soon as draft/add answers, BEFORE submit;
 * - thumbMediaId, coverUrl: the cover material the draft uses (reconcile compares them);
 * - submitSentAt: ISO time just before freepublish/submit was sent; cleared when WeChat
 *   answered so that the submit surely did nothing (an errcode, not sent, 429/503). Set
 *   without a publishId means the submit's reply was lost: it may have been queued;
 * - publishId: freepublish/submit's publish_id (as a string), saved as soon as it answers.
 */
const ProgressNotesSchema = z.looseObject({
  mediaId: z.string().optional(),
  thumbMediaId: z.string().optional(),
  coverUrl: z.string().optional(),
  submitSentAt: z.string().optional(),
  publishId: z.string().optional(),
});

export interface WechatNotes {
  mediaId: string | null;
  thumbMediaId: string | null;
  coverUrl: string | null;
  submitSentAt: Date | null;
  publishId: string | null;
}

export function readWechatNotes(progress: Progress): WechatNotes {
  const parsed = ProgressNotesSchema.safeParse(progress.get());
  const notes = parsed.success ? parsed.data : {};
  const text = (value: string | undefined): string | null =>
    value === undefined || value === '' ? null : value;
  const sentAt = text(notes.submitSentAt);
  const sentAtMs = sentAt === null ? Number.NaN : Date.parse(sentAt);
  return {
    mediaId: text(notes.mediaId),
    thumbMediaId: text(notes.thumbMediaId),
    coverUrl: text(notes.coverUrl),
    // A note that is set but unreadable still means "a submit was sent": the epoch keeps it set.
    submitSentAt: sentAt === null ? null : new Date(Number.isNaN(sentAtMs) ? 0 : sentAtMs),
    publishId: text(notes.publishId),
  };
}

/** Where a submitted publication is while WeChat publishes it. */
export function submittedRemote(mediaId: string, publishId: string): RemoteRef {
  return { remoteId: publishId, url: null, extra: { mediaId, publishId } };
}
