import { z } from 'zod';

/**
 * The document fields a finding can point at, in the order the editor shows them (findings
 * about fields are listed in this order). `keywords` covers every keyword.
 */
export const CHECKED_FIELDS = [
  'title',
  'subtitle',
  'source',
  'issuingUnit',
  'author',
  'keywords',
  'summary',
  'coverImage',
  'policy.title',
  'policy.documentNumber',
  'policy.url',
  'deadline',
  'howToRespond',
  'channels.wechat.title',
  'channels.wechat.digest',
  'channels.wechat.author',
  'channels.weibo.text',
  'channels.mastodon.text',
  'channels.appfeed.title',
  'channels.appfeed.summary',
] as const;
export const CheckedFieldSchema = z.enum(CHECKED_FIELDS);
export type CheckedField = z.infer<typeof CheckedFieldSchema>;

/** Field labels for messages. */
export const FIELD_LABELS: Record<CheckedField, { zh: string; en: string }> = {
  title: { zh: '标题', en: 'title' },
  subtitle: { zh: '副标题', en: 'subtitle' },
  source: { zh: '来源', en: 'source' },
  issuingUnit: { zh: '发布机构', en: 'issuing unit' },
  author: { zh: '作者', en: 'author' },
  keywords: { zh: '关键词', en: 'keywords' },
  summary: { zh: '摘要', en: 'summary' },
  coverImage: { zh: '封面图', en: 'cover image' },
  'policy.title': { zh: '所解读政策的标题', en: 'title of the interpreted policy' },
  'policy.documentNumber': { zh: '所解读政策的文号', en: 'document number of the policy' },
  'policy.url': { zh: '所解读政策的链接', en: 'link to the interpreted policy' },
  deadline: { zh: '截止日期', en: 'deadline' },
  howToRespond: { zh: '意见反馈方式', en: 'how to respond' },
  'channels.wechat.title': { zh: '微信标题', en: 'WeChat title' },
  'channels.wechat.digest': { zh: '微信摘要', en: 'WeChat digest' },
  'channels.wechat.author': { zh: '微信作者', en: 'WeChat author' },
  'channels.weibo.text': { zh: '微博文字', en: 'Weibo text' },
  'channels.mastodon.text': { zh: 'Mastodon 文字', en: 'Mastodon text' },
  'channels.appfeed.title': { zh: '客户端标题', en: 'app title' },
  'channels.appfeed.summary': { zh: '客户端摘要', en: 'app summary' },
};

/** A piece of field text to scan; a field may contribute several (one per keyword). */
export interface FieldText {
  field: CheckedField;
  text: string;
}
