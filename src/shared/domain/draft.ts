import { z } from 'zod';
import { DocumentKindSchema } from './documentKind.ts';
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

export const DraftSummarySchema = z.object({
  id: DraftIdSchema,
  kind: DocumentKindSchema,
  title: z.string(),
  status: DraftStatusSchema,
  /** Optimistic-concurrency version: increases by one on every save. */
  version: z.number().int().positive(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type DraftSummary = z.infer<typeof DraftSummarySchema>;

export const DraftSchema = DraftSummarySchema.extend({
  body: EditorStateSchema,
});
export type Draft = z.infer<typeof DraftSchema>;
