import { DocumentSchema, type Document } from '../../../../../src/shared/document/nodes.ts';
import { DocumentMetaSchema } from '../../../../../src/shared/domain/documentMeta.ts';
import type { Release } from '../../../../../src/core/content/render/release.ts';
import { TEXT_FORMAT } from '../../../../../src/shared/document/textFormat.ts';

/** Hashes of two library images (any 64 hex digits). */
export const PHOTO = 'a'.repeat(64);
export const COVER = 'c'.repeat(64);

/** Where the tests pretend the adapter uploaded each image. */
export const imageUrl = (hash: string) =>
  `https://img.example.gov.cn/media/${hash.slice(0, 8)}.jpg`;

const t = (text: string, format = 0) => ({ type: 'text', text, format });
const p = (...children: unknown[]) => ({ type: 'paragraph', children });
const h = (tag: string, text: string) => ({ type: 'heading', tag, children: [t(text)] });
const li = (...children: unknown[]) => ({ type: 'listitem', value: 1, children });
const cell = (text: string, headerState = 0) => ({
  type: 'tablecell',
  headerState,
  children: [p(t(text))],
});

/**
 * A representative release: every heading level, formatting, a link, a nested list, a table
 * with a header row and a header column, an image with alt text, a rule, a quote.
 */
export const sampleBody: Document = DocumentSchema.parse({
  root: {
    type: 'root',
    children: [
      p(
        t('为推进政务公开，'),
        t('区政府', TEXT_FORMAT.bold),
        t('发布'),
        t('年度报告', TEXT_FORMAT.italic | TEXT_FORMAT.underline),
        t('。'),
      ),
      h('h1', '总体情况'),
      h('h2', '主动公开'),
      h('h3', '公开平台'),
      h('h4', '门户网站'),
      h('h3', '依申请公开'),
      h('h1', '工作要求'),
      p(
        t('详见'),
        {
          type: 'link',
          url: 'https://www.tongzhou.gov.cn/zwgk/?a=1&b=2',
          children: [t('区政府网站')],
        },
        t('，H'),
        t('2', TEXT_FORMAT.subscript),
        t('O与m'),
        t('2', TEXT_FORMAT.superscript),
        t('；'),
        t('旧规定', TEXT_FORMAT.strikethrough),
        t('；代码'),
        t('x<y', TEXT_FORMAT.code),
        { type: 'linebreak' },
        t('第二行'),
      ),
      {
        type: 'list',
        listType: 'bullet',
        tag: 'ul',
        start: 1,
        children: [
          li(t('第一项')),
          li({
            type: 'list',
            listType: 'number',
            tag: 'ol',
            start: 1,
            children: [li(t('子项一')), li(t('子项二'))],
          }),
          li(t('第二项')),
        ],
      },
      {
        type: 'table',
        children: [
          { type: 'tablerow', children: [cell('类别', 3), cell('数量', 1)] },
          { type: 'tablerow', children: [cell('主动公开', 2), { ...cell('1,234'), colSpan: 1 }] },
        ],
      },
      p({
        type: 'image',
        mediaHash: PHOTO,
        altText: '新闻发布会现场 "照片"',
        width: 800,
        height: 600,
      }),
      { type: 'quote', children: [t('公开为常态，不公开为例外。')] },
      { type: 'horizontalrule' },
      { ...p(t('通州区人民政府办公室')), format: 'right' },
    ],
  },
});

export const sampleRelease: Release = {
  title: '通州区2016年政府信息公开工作年度报告',
  meta: DocumentMetaSchema.parse({
    kind: 'press_release',
    author: '区政府办公室',
    keywords: ['政务公开', '年度报告'],
    summary: '',
    coverImage: COVER,
  }),
  body: sampleBody,
};
