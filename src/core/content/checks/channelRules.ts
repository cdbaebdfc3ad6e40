/**
 * Channel limits from shared/channels/*.md, in one place.
 *
 * "MB"/"KB" in the channel documents do not say whether 1,000 or 1,024 is meant; these use
 * 1,000 (the smaller), so that a file near the limit is caught here with a message a person
 * can act on, rather than rejected by the channel at publishing time.
 */
export const KB = 1_000;
export const MB = 1_000_000;

export const WECHAT = {
  titleMax: 32,
  authorMax: 16,
  digestMax: 128,
  /** content must be under both: fewer than 20,000 characters and under 1 MB. */
  contentCharsBelow: 20_000,
  contentBytesBelow: MB,
  /** In-article images (media/uploadimg): jpg/png under 1 MB. */
  inlineTypes: ['image/jpeg', 'image/png'],
  inlineBytesBelow: MB,
  /**
   * The cover, uploaded as a permanent image material (add_material type=image), which
   * draft/add accepts as thumb_media_id: JPG, PNG or GIF up to 10 MB [unverified figure, as
   * WeChat's material documentation gives it]. The stricter `thumb` type (JPG ≤ 64 KB) is not
   * used, so office photos need no special export.
   */
  coverTypes: ['image/jpeg', 'image/png', 'image/gif'],
  coverBytesMax: 10 * MB,
} as const;

export const WEIBO = {
  textMax: 140,
  /** The one picture of a post (`pic`): JPEG/GIF/PNG under 5 MB. */
  picTypes: ['image/jpeg', 'image/gif', 'image/png'],
  picBytesBelow: 5 * MB,
} as const;

export const MASTODON = {
  /** The default; an instance may allow more (configuration.statuses.max_characters). */
  textMax: 500,
  attachmentsMax: 4,
} as const;

export const TYPE_NAMES: Record<string, string> = {
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
};

export const formatBytes = (bytes: number): string =>
  bytes >= MB ? `${(bytes / MB).toFixed(2)} MB` : `${Math.ceil(bytes / KB)} KB`;
