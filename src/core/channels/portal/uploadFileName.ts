/** File name extensions WordPress accepts for each image type PressDesk uploads. */
const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
};

const UNSAFE = new Set(['"', '\\', ';', '/', ':', '*', '?', '<', '>', '|', '%']);

/** Control characters and what would break the header or a file system. */
function isUnsafe(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f || UNSAFE.has(ch);
}

/** Longest file name stem kept (characters); WordPress and file systems allow more. */
const MAX_STEM_LENGTH = 100;

/**
 * A library file name made safe for the upload's Content-Disposition: no path, no control
 * characters, none of `" \ ; / : * ? < > | %` (WordPress splits the header at ';' and strips
 * the quotes, then sanitises the name itself), an extension that matches the type. Chinese
 * and other letters are kept: WordPress accepts them inside the plain `filename="..."` form.
 */
export function safeUploadName(fileName: string, mimeType: string): string {
  const base = fileName.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = Array.from(base, (ch) => (isUnsafe(ch) ? ' ' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  const dot = cleaned.lastIndexOf('.');
  const extension = dot >= 0 ? cleaned.slice(dot + 1).toLowerCase() : '';
  const allowed = EXTENSIONS[mimeType.toLowerCase()];
  const keepExtension = allowed === undefined ? extension !== '' : allowed.includes(extension);
  // No leading dot (a hidden file) and no trailing one.
  let stem = (keepExtension ? cleaned.slice(0, dot) : cleaned).replace(/^[.\s]+|[.\s]+$/g, '');
  stem = Array.from(stem).slice(0, MAX_STEM_LENGTH).join('').trim();
  if (stem === '') stem = 'image';
  const ext = keepExtension ? extension : (allowed?.[0] ?? 'bin');
  return `${stem}.${ext}`;
}

/**
 * `attachment; filename="<name>"`: the plain form WordPress requires (it answers a header with
 * only `filename*=` with 400 rest_upload_invalid_disposition). Returned as the header value
 * Node writes byte for byte (latin1), so the name travels as UTF-8, as browsers and curl send
 * it.
 */
export function contentDisposition(safeName: string): string {
  return Buffer.from(`attachment; filename="${safeName}"`, 'utf8').toString('latin1');
}
