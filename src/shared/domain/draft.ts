import { z } from 'zod';
import { DocumentKindSchema } from './documentKind.ts';
import { DocumentMetaSchema } from './documentMeta.ts';
import { DraftStatusSchema } from './draftStatus.ts';
import { EditorStateSchema } from './editorState.ts';

export const DraftIdSchema = z.uuid({ message: 'A draft id is a UUID.' });
export type DraftId = z.infer<typeof DraftIdSchema>;

/** Titles of official releases are short; 200 leaves room for subtitles pasted by mistake. */
export const TITLE_MAX = 200;
export const TitleSchema = z
  .string()
  .trim()
  .max(TITLE_MAX, { message: `The title is longer than ${TITLE_MAX} characters.` });

/** An ISO 8601 UTC timestamp, as the store writes it. */
export const TimestampSchema = z.iso.datetime({ offset: false });

/** Who did something, by the name they gave the desk (profiles with roles come with review). */
export const PersonNameSchema = z.string().max(100);

export const DraftSummarySchema = z.object({
  id: DraftIdSchema,
  kind: DocumentKindSchema,
  title: z.string(),
  status: DraftStatusSchema,
  /** Optimistic-concurrency version: increases by one on every save. */
  version: z.number().int().positive(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  createdBy: PersonNameSchema,
  updatedBy: PersonNameSchema,
  /** With a search: the text around the first match. */
  snippet: z.string().optional(),
});
export type DraftSummary = z.infer<typeof DraftSummarySchema>;

export const DraftSchema = DraftSummarySchema.extend({
  meta: DocumentMetaSchema,
  body: EditorStateSchema,
});
export type Draft = z.infer<typeof DraftSchema>;

/** Why a revision was written. */
export const REVISION_REASONS = ['created', 'checkpoint', 'manual', 'restore'] as const;
export const RevisionReasonSchema = z.enum(REVISION_REASONS);
export type RevisionReason = z.infer<typeof RevisionReasonSchema>;

export const RevisionSummarySchema = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  author: PersonNameSchema,
  createdAt: TimestampSchema,
  reason: RevisionReasonSchema,
  /** For a restore: the revision whose content it brought back. */
  restoredFrom: z.number().int().positive().nullable(),
  characters: z.number().int().nonnegative(),
});
export type RevisionSummary = z.infer<typeof RevisionSummarySchema>;

export const RevisionSchema = RevisionSummarySchema.extend({
  draftId: DraftIdSchema,
  meta: DocumentMetaSchema,
  body: EditorStateSchema,
});
export type Revision = z.infer<typeof RevisionSchema>;

/** A revision number, or the working copy (what is in the editor now). */
export const RevisionRefSchema = z.union([z.number().int().positive(), z.literal('working')]);
export type RevisionRef = z.infer<typeof RevisionRefSchema>;

const SegmentSchema = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });
export const LineDiffSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('equal'), text: z.string() }),
  z.object({ kind: z.literal('insert'), text: z.string() }),
  z.object({ kind: z.literal('delete'), text: z.string() }),
  z.object({ kind: z.literal('change'), segments: z.array(SegmentSchema) }),
]);

export const RevisionComparisonSchema = z.object({
  from: RevisionRefSchema,
  to: RevisionRefSchema,
  title: z.array(SegmentSchema),
  /** Changed fields around the body, by name, before and after (as text). */
  fields: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
  body: z.array(LineDiffSchema),
});
export type RevisionComparison = z.infer<typeof RevisionComparisonSchema>;
