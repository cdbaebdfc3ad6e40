/**
 * The Content-Security-Policy of every PressDesk page, sent as a header by both hosts (the
 * Electron app protocol and the headless server) and repeated in index.html's meta tag.
 * Scripts only from the app itself; no eval, no inline script, no plugins, no framing, no
 * form posts. style-src allows inline styles because Ant Design injects its CSS-in-JS at
 * run time (style attributes cannot run code). img-src allows data: and blob: for pasted and
 * previewed images.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'self' blob:",
].join('; ');
