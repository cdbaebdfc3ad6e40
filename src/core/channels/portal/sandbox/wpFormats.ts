/**
 * WordPress's own text rules, as the simulator needs them: slugs (sanitize_title), uploaded
 * file names (sanitize_file_name), the upload's Content-Disposition, REST dates.
 */

/** WordPress's date parsing for REST dates (rest_parse_date). */
const REST_DATE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;

/** WordPress's REST dates, with an optional zone (rest_parse_date). */
export function parseRestDate(value: string): Date | null {
  const m = REST_DATE.exec(value.trim());
  if (!m) return null;
  // A date_gmt without a zone is UTC; the sandbox site's own zone is UTC as well.
  const zone = m[8] ?? 'Z';
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ?? ''}${zone.toUpperCase() === 'Z' ? 'Z' : zone}`;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** A date as WordPress answers it: `YYYY-MM-DDTHH:MM:SS` (the site's zone is UTC here). */
export function wpDate(at: Date): string {
  return at.toISOString().slice(0, 19);
}

/**
 * WordPress's sanitize_title for slugs: lower case, spaces to '-', letters outside ASCII
 * percent-encoded (lower-case hex), everything else but [a-z0-9_-] dropped.
 */
export function sanitizeTitle(title: string): string {
  const encoded = Array.from(title.normalize('NFC').toLowerCase())
    .map((ch) =>
      /[\u0080-\u{10ffff}]/u.test(ch)
        ? Array.from(Buffer.from(ch, 'utf8'), (b) => `%${b.toString(16).padStart(2, '0')}`).join('')
        : ch,
    )
    .join('');
  return encoded
    .replace(/<[^>]*>/g, '')
    .replace(/[\s.]+/g, '-')
    .replace(/[^a-z0-9_%-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * WP_REST_Attachments_Controller::get_filename_from_disposition: each header value split at
 * ';' and '=', the `filename` attribute (not `filename*`) taken and unquoted; null if none.
 */
export function filenameFromDisposition(header: string): string | null {
  const value = header.trim();
  const semi = value.indexOf(';');
  if (semi < 0) return null;
  const attributes: Record<string, string> = {};
  for (const part of value.slice(semi + 1).split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    attributes[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  let name = attributes['filename']?.trim() ?? '';
  if (name.length >= 2 && name.startsWith('"') && name.endsWith('"')) name = name.slice(1, -1);
  return name === '' ? null : name;
}

/** WordPress's sanitize_file_name, as far as names of uploaded images need it. */
export function sanitizeFileName(name: string): string {
  const special = /[?[\]/\\=<>:;,'"&$#*()|~`!{}%+’«»”“]/g;
  return name
    .normalize('NFC')
    .split(String.fromCharCode(0))
    .join('')
    .replace(/\u00a0/g, ' ')
    .replace(special, '')
    .replace(/[\r\n\t -]+/g, '-')
    .replace(/^[.\-_]+|[.\-_]+$/g, '');
}
