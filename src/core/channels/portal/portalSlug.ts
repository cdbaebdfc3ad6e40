/** WordPress keeps at most 200 characters of a slug; stay well inside. */
const MAX_SLUG_LENGTH = 190;

/**
 * The slug of a publication's post: `pd-<key>`, the same on every attempt of one publication
 * and different for any other, so an earlier attempt is found by `GET posts?slug=`.
 * WordPress would rename a second post with the same slug to `<slug>-2`, which the lookup by
 * exact slug never mistakes for the first.
 */
export function portalSlug(key: string): string {
  return `pd-${key}`
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, MAX_SLUG_LENGTH);
}

/** What WordPress renames a post's slug to when the post is moved to the trash. */
export function trashedSlug(slug: string): string {
  return `${slug}__trashed`;
}

/** A moment as WordPress's date_gmt: `YYYY-MM-DDTHH:MM:SS`, UTC, without zone. */
export function wpDateGmt(at: Date): string {
  return at.toISOString().slice(0, 19);
}
