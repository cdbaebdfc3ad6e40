import { describe, expect, it } from 'vitest';
import {
  filenameFromDisposition,
  sanitizeFileName,
} from '../../../../../src/core/channels/portal/sandbox/wpFormats.ts';
import {
  contentDisposition,
  safeUploadName,
} from '../../../../../src/core/channels/portal/uploadFileName.ts';

describe('safeUploadName', () => {
  it.each([
    ['新闻 图片.png', 'image/png', '新闻 图片.png'],
    ['C:\\photos\\会场.JPG', 'image/jpeg', '会场.jpg'],
    ['../a"b;c.png', 'image/png', 'a b c.png'],
    ['report', 'image/png', 'report.png'],
    ['photo.png', 'image/jpeg', 'photo.png.jpg'],
    ['.hidden.gif', 'image/gif', 'hidden.gif'],
    ['"";.png', 'image/png', 'image.png'],
    ['tab\there\u0000.webp', 'image/webp', 'tab here.webp'],
    ['100%:*?<>|.png', 'image/png', '100.png'],
  ])('%s (%s) → %s', (name, type, expected) => {
    expect(safeUploadName(name, type)).toBe(expected);
  });

  it('keeps at most 100 characters of the stem', () => {
    const name = safeUploadName(`${'长'.repeat(150)}.png`, 'image/png');
    expect(Array.from(name)).toHaveLength(104);
  });
});

describe('contentDisposition', () => {
  it('is the plain filename="..." form, its bytes UTF-8 as Node writes latin1 strings', () => {
    const header = contentDisposition('新闻 图片.png');
    expect(Buffer.from(header, 'latin1').toString('utf8')).toBe(
      'attachment; filename="新闻 图片.png"',
    );
    expect(header).toMatch(/^[\t\x20-\x7e\x80-\xff]*$/);
  });

  it('reads back as WordPress reads it, for every safe name', () => {
    for (const raw of ['新闻 图片.png', 'a;b.png', 'x"y.jpg', 'tab\tname.gif', '政府=公开.png']) {
      const safe = safeUploadName(raw, 'image/png');
      const header = Buffer.from(contentDisposition(safe), 'latin1').toString('utf8');
      expect(filenameFromDisposition(header)).toBe(safe);
    }
  });
});

describe('WordPress rules the simulator follows', () => {
  it('refuses a Content-Disposition with only filename*=', () => {
    expect(filenameFromDisposition("attachment; filename*=UTF-8''%E6%96%B0.png")).toBeNull();
    expect(filenameFromDisposition('attachment')).toBeNull();
    expect(filenameFromDisposition('attachment; filename=""')).toBeNull();
    expect(filenameFromDisposition('attachment; filename=plain.png')).toBe('plain.png');
  });

  it('sanitises file names as sanitize_file_name does', () => {
    expect(sanitizeFileName('新闻 图片.png')).toBe('新闻-图片.png');
    expect(sanitizeFileName('a (1) & b!.png')).toBe('a-1-b.png');
  });
});
