import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../../src/core/app.ts';
import { imageInfo } from '../../../../src/core/media/imageInfo.ts';
import { memoryLogger } from '../../../../src/core/log/logger.ts';
import { useTempDirs } from '../../../fixtures/tempDir.ts';
import { PNG_1x1, JPEG_2x3 } from '../../../fixtures/images.ts';

describe('media library', () => {
  const tempDir = useTempDirs();

  it('stores an image once, under the SHA-256 of its bytes, with its type and size', async () => {
    const app = createApp({ dataDir: tempDir(), runtime: 'headless', logger: memoryLogger() });
    const first = await app.call('media.import', {
      fileName: '发布会现场.png',
      dataBase64: PNG_1x1.toString('base64'),
    });
    const again = await app.call('media.import', {
      fileName: 'copy.png',
      dataBase64: PNG_1x1.toString('base64'),
    });
    expect(first).toMatchObject({
      ok: true,
      value: {
        mimeType: 'image/png',
        width: 1,
        height: 1,
        byteLength: PNG_1x1.length,
        originalName: '发布会现场.png',
      },
    });
    expect(again).toMatchObject({
      ok: true,
      value: { hash: (first as { value: { hash: string } }).value.hash },
    });
    const hash = (first as { value: { hash: string } }).value.hash;
    expect(hash).toBe(createHash('sha256').update(PNG_1x1).digest('hex'));
    const file = app.media.fileOf(hash);
    expect(file && existsSync(file.path) && readFileSync(file.path).equals(PNG_1x1)).toBe(true);
    app.close();
  });

  it('refuses what is not a raster image, whatever its name says', async () => {
    const app = createApp({ dataDir: tempDir(), runtime: 'headless', logger: memoryLogger() });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    for (const [name, bytes] of [
      ['x.png', svg],
      ['x.jpg', Buffer.from('MZ\x90\x00')],
      ['empty.png', Buffer.alloc(0)],
    ] as const) {
      const r = await app.call('media.import', {
        fileName: name,
        dataBase64: bytes.toString('base64'),
      });
      expect(r, name).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(
      await app.call('media.import', { fileName: 'x.png', dataBase64: 'not base64!' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(app.media.fileOf('../../etc/passwd')).toBeUndefined();
    app.close();
  });

  it('reads the size of PNG and JPEG images', () => {
    expect(imageInfo(PNG_1x1)).toEqual({ mimeType: 'image/png', width: 1, height: 1 });
    expect(imageInfo(JPEG_2x3)).toEqual({ mimeType: 'image/jpeg', width: 2, height: 3 });
  });
});
