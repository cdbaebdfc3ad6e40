import type { SimRole } from './wordpressSim.ts';

/** The capabilities of WordPress's default roles, as far as posts, media and terms need them. */
const CONTRIBUTOR = ['read', 'edit_posts', 'delete_posts', 'level_1', 'level_0'];
const AUTHOR = [
  ...CONTRIBUTOR,
  'upload_files',
  'edit_published_posts',
  'publish_posts',
  'delete_published_posts',
  'level_2',
];
const EDITOR = [
  ...AUTHOR,
  'edit_others_posts',
  'delete_others_posts',
  'delete_private_posts',
  'edit_private_posts',
  'read_private_posts',
  'manage_categories',
  'moderate_comments',
  'unfiltered_html',
  'level_7',
];
const ADMINISTRATOR = [...EDITOR, 'manage_options', 'edit_users', 'level_10'];

export const CAPABILITIES: Readonly<Record<SimRole, readonly string[]>> = {
  contributor: CONTRIBUTOR,
  author: AUTHOR,
  editor: EDITOR,
  administrator: ADMINISTRATOR,
};

/** The image types WordPress accepts, told by their first bytes (it checks the real type). */
export const IMAGE_TYPES: ReadonlyArray<{
  mime: string;
  ext: string;
  test: (b: Buffer) => boolean;
}> = [
  {
    mime: 'image/png',
    ext: 'png',
    test: (b) =>
      b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    mime: 'image/jpeg',
    ext: 'jpg',
    test: (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  },
  {
    mime: 'image/gif',
    ext: 'gif',
    test: (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1')),
  },
  {
    mime: 'image/webp',
    ext: 'webp',
    test: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' &&
      b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];
