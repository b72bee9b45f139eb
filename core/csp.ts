/**
 * The Content Security Policy of the UI, the same in Electron and in browser
 * mode: only our own scripts and styles, no eval, no remote anything.
 * 'unsafe-inline' for styles is needed by React's style attributes and
 * FullCalendar; scripts never get it.
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
].join('; ');
