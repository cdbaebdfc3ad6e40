import type { EditorTranslate } from '../../i18n/editorText.ts';
import type { ImagePayload } from '../../nodes/ImageNode/ImageNode.tsx';
import type { EditorNotices } from '../../notices/editorNotices.ts';
import { imageFileProblem } from './acceptedImage.ts';

/** What the parent's importImage (media.import) answers: the library hash and the pixel size. */
export interface ImportedImage {
  hash: string;
  width: number | null;
  height: number | null;
}

export type ImportImage = (file: File) => Promise<ImportedImage>;

/** The words of a failure, as the host gave them (ClientError.message), for the person. */
export function failureText(error: unknown): string {
  if (error instanceof Error && error.message.trim() !== '') return error.message;
  return String(error);
}

/**
 * Uploads files to the media library one after the other, showing each upload while it runs and
 * each refusal with the host's message. Answers the images that made it, in order, with empty
 * alternative text (the image then shows its "missing alternative text" badge).
 */
export async function importImageFiles(
  files: readonly File[],
  importImage: ImportImage,
  notices: EditorNotices,
  t: EditorTranslate,
): Promise<ImagePayload[]> {
  const imported: ImagePayload[] = [];
  for (const file of files) {
    const name = file.name || 'image';
    const problem = imageFileProblem(file);
    if (problem !== null) {
      notices.notify(
        'error',
        t(problem === 'wrongType' ? 'image.wrongType' : 'image.tooLarge', { name }),
      );
      continue;
    }
    const progress = notices.notify('progress', t('image.uploading', { name }));
    try {
      const image = await importImage(file);
      imported.push({
        mediaHash: image.hash,
        altText: '',
        width: image.width,
        height: image.height,
      });
    } catch (error) {
      notices.notify('error', t('image.failed', { name, detail: failureText(error) }));
    } finally {
      notices.dismiss(progress);
    }
  }
  return imported;
}
