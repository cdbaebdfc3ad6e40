/**
 * URLs as the microblogs find them in a status: http(s):// followed by URL characters
 * (RFC 3986 unreserved, reserved and %). Both Weibo and Mastodon stop a link at whitespace and
 * at non-ASCII characters, so a URL directly followed by Chinese text ends there.
 * Global: reset lastIndex or use String methods (matchAll/replace), never .test() in a loop.
 */
export const URL_IN_TEXT = /https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/g;
