import type { MediaItem } from '../../../../shared/domain/media.ts';
import type { DeskClient } from '../../../api/client.ts';

/** Reads a picked, dropped or pasted file and puts it into the media library. */
export async function importImageFile(client: DeskClient, file: File): Promise<MediaItem> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return client.call('media.import', { fileName: file.name || 'image', dataBase64: btoa(binary) });
}
