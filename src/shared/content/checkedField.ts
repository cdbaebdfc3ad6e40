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
  'channels.portal.cover',
  'channels.portal.tags',
  'channels.wechat.title',
  'channels.wechat.digest',
  'channels.wechat.author',
  'channels.wechat.cover',
  'channels.weibo.text',
  'channels.weibo.cover',
  'channels.mastodon.text',
  'channels.mastodon.tags',
  'channels.appfeed.title',
  'channels.appfeed.summary',
  'channels.appfeed.cover',
  'channels.appfeed.tags',
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
  'channels.portal.cover': { zh: '网站封面图', en: 'portal cover' },
  'channels.portal.tags': { zh: '网站标签', en: 'portal tags' },
  'channels.wechat.title': { zh: '微信标题', en: 'WeChat title' },
  'channels.wechat.digest': { zh: '微信摘要', en: 'WeChat digest' },
  'channels.wechat.author': { zh: '微信作者', en: 'WeChat author' },
  'channels.wechat.cover': { zh: '微信封面图', en: 'WeChat cover' },
  'channels.weibo.text': { zh: '微博文字', en: 'Weibo text' },
  'channels.weibo.cover': { zh: '微博配图', en: 'Weibo picture' },
  'channels.mastodon.text': { zh: 'Mastodon 文字', en: 'Mastodon text' },
  'channels.mastodon.tags': { zh: 'Mastodon 话题标签', en: 'Mastodon hashtags' },
  'channels.appfeed.title': { zh: '客户端标题', en: 'app title' },
  'channels.appfeed.summary': { zh: '客户端摘要', en: 'app summary' },
  'channels.appfeed.cover': { zh: '客户端封面图', en: 'app cover' },
  'channels.appfeed.tags': { zh: '客户端标签', en: 'app tags' },
};

/** A piece of field text to scan; a field may contribute several (one per keyword). */
export interface FieldText {
  field: CheckedField;
  text: string;
}
