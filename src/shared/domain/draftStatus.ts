import { z } from 'zod';

/**
 * Where a draft stands in its life. The review chain (submitted, approved, ...) extends this
 * union; every switch over it ends in assertNever so a new state cannot be forgotten.
 */
export const DRAFT_STATUSES = ['draft', 'in_review', 'approved', 'published', 'retracted'] as const;
export const DraftStatusSchema = z.enum(DRAFT_STATUSES);
export type DraftStatus = z.infer<typeof DraftStatusSchema>;
