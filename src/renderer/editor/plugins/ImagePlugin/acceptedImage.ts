import { MAX_MEDIA_BYTES } from '../../../../shared/domain/media.ts';

/** The image types the media library takes (media.import refuses the others). */
export const ACCEPTED_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

/** For a file input's `accept`. */
export const ACCEPT_ATTRIBUTE = ACCEPTED_IMAGE_TYPES.join(',');

/**
 * Why a file cannot become a library image, checked before uploading it (the host checks again
 * and has the last word): not one of the four types, or over 20 MB.
 */
export function imageFileProblem(
  file: Pick<File, 'type' | 'size'>,
): 'wrongType' | 'tooLarge' | null {
  if (!(ACCEPTED_IMAGE_TYPES as readonly string[]).includes(file.type)) return 'wrongType';
  if (file.size > MAX_MEDIA_BYTES) return 'tooLarge';
  return null;
}
