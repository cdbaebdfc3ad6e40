import { z } from 'zod';

/**
 * The kinds of document a press office publishes. Stored as these codes; shown through i18n.
 * press_release 新闻稿 · policy_interpretation 政策解读 · notice 通知公告 · consultation 征求意见
 */
export const DOCUMENT_KINDS = [
  'press_release',
  'policy_interpretation',
  'notice',
  'consultation',
] as const;
export const DocumentKindSchema = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;
