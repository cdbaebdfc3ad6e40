import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { MAX_MEDIA_BYTES, type MediaItem } from '../../shared/domain/media.ts';
import type { Clock } from '../clock.ts';
import { DeskError } from '../errors.ts';
import { EXTENSION_OF, imageInfo, type ImageType } from './imageInfo.ts';

interface MediaRow {
  hash: string;
  mime_type: string;
  byte_length: number;
  width: number | null;
  height: number | null;
  original_name: string;
}

/**
 * The local media library: every image is stored once, under the SHA-256 of its bytes, in
 * <dataDir>/media/<first two hex digits>/<hash>.<ext>. The file is written (to a temporary
 * name, then renamed) before its row is committed, so a row never points at a missing file.
 */
export class MediaLibrary {
  private readonly db: Database;
  private readonly dir: string;
  private readonly clock: Clock;

  constructor(db: Database, dataDir: string, clock: Clock) {
    this.db = db;
    this.dir = join(dataDir, 'media');
    this.clock = clock;
  }

  import(bytes: Uint8Array, originalName: string): MediaItem {
    if (bytes.byteLength === 0) throw new DeskError('invalid_input', 'The image file is empty.');
    if (bytes.byteLength > MAX_MEDIA_BYTES) {
      throw new DeskError(
        'invalid_input',
        `The image is larger than ${MAX_MEDIA_BYTES / 1024 / 1024} MB. Reduce it before inserting.`,
      );
    }
    const info = imageInfo(bytes);
    if (!info) {
      throw new DeskError(
        'invalid_input',
        `"${originalName}" is not a PNG, JPEG, GIF or WebP image. Save it in one of these formats and insert it again.`,
      );
    }
    const hash = createHash('sha256').update(bytes).digest('hex');
    const existing = this.get(hash);
    if (existing) return existing;
    const path = this.pathOf(hash, info.mimeType);
    if (!existsSync(path)) {
      mkdirSync(join(this.dir, hash.slice(0, 2)), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, bytes, { flush: true });
      renameSync(temporary, path);
    }
    const item: MediaItem = {
      hash,
      ...info,
      byteLength: bytes.byteLength,
      originalName: originalName.slice(0, 255),
    };
    this.db
      .prepare(
        `INSERT INTO media (hash, mime_type, byte_length, width, height, original_name, created_at)
         VALUES (@hash, @mimeType, @byteLength, @width, @height, @originalName, @createdAt)
         ON CONFLICT (hash) DO NOTHING`,
      )
      .run({ ...item, createdAt: this.clock.now().toISOString() });
    return item;
  }

  get(hash: string): MediaItem | undefined {
    const row = this.db.prepare('SELECT * FROM media WHERE hash = ?').get(hash) as
      MediaRow | undefined;
    if (!row) return undefined;
    return {
      hash: row.hash,
      mimeType: row.mime_type as ImageType,
      byteLength: row.byte_length,
      width: row.width,
      height: row.height,
      originalName: row.original_name,
    };
  }

  /** Where a stored image's bytes are, for the hosts to serve; undefined when unknown. */
  fileOf(hash: string): { path: string; mimeType: ImageType } | undefined {
    if (!/^[0-9a-f]{64}$/.test(hash)) return undefined;
    const item = this.get(hash);
    if (!item) return undefined;
    return { path: this.pathOf(hash, item.mimeType), mimeType: item.mimeType };
  }

  private pathOf(hash: string, mimeType: ImageType): string {
    return join(this.dir, hash.slice(0, 2), `${hash}.${EXTENSION_OF[mimeType]}`);
  }
}
