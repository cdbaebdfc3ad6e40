// Builders for the checks' tests: documents, media items, and fictional ID numbers.
import { DocumentSchema, type Document } from '../../../../../src/shared/document/nodes.ts';
import { emptyMeta, type DocumentMeta } from '../../../../../src/shared/domain/documentMeta.ts';
import type { MediaItem } from '../../../../../src/shared/domain/media.ts';

export const text = (t: string) => ({ type: 'text', text: t });
export const para = (...children: unknown[]) => ({ type: 'paragraph', children });
export const link = (url: string, t: string) => ({ type: 'link', url, children: [text(t)] });
export const image = (hash: string, altText = '') => ({ type: 'image', mediaHash: hash, altText });
export const doc = (...children: unknown[]): Document =>
  DocumentSchema.parse({ root: { type: 'root', children } });
export const paragraphs = (...lines: string[]): Document => doc(...lines.map((l) => para(text(l))));

export const hash = (c: string) => c.repeat(64);

export function mediaItem(c: string, over: Partial<MediaItem> = {}): MediaItem {
  return {
    hash: hash(c),
    mimeType: 'image/jpeg',
    byteLength: 50_000,
    width: 900,
    height: 383,
    originalName: `${c}.jpg`,
    ...over,
  };
}

export const meta = (over: Partial<DocumentMeta> = {}): DocumentMeta =>
  ({ ...emptyMeta('press_release'), ...over }) as DocumentMeta;

/**
 * An ID number from its first 17 digits, with the check character computed here independently
 * of the code under test: weights 2^(17-i) mod 11, check = (12 - sum mod 11) mod 11, 10 -> X.
 * Only fictional numbers are built from it: birth dates like 1900-01-01 with sequence 000.
 */
export function fictionalId(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const check = (12 - (sum % 11)) % 11;
  return first17 + (check === 10 ? 'X' : String(check));
}

/** Sentences in the style of a district government's disclosure report. */
export const REPORT = [
  '今年以来，我区紧密围绕国家、省、市关于政务公开工作的一系列文件要求，迅速部署，扎实有序落实各项工作任务。',
  '区政府将推行政府信息公开列入重要议事日程，督促各单位特别是各级《要点》工作部署中涉及到的相关部门，细化工作任务。',
  '全区政府门户网站政府信息公开栏目发布信息7760条，区12345政府服务热线全年受理群众有效来电近10万个。',
];
