import type http from 'node:http';
import { parsePlainDate, type Temporal } from '../core/time';

/**
 * The hub's requests and answers: reading a body with a size limit, the security headers every
 * answer carries, cookies, and the one shape of a refusal (`HubError`), so no handler writes its
 * own status line.
 */

export type HubErrorCode =
  | 'bad_request'
  | 'not_signed_in'
  | 'forbidden'
  | 'not_found'
  | 'too_large'
  | 'conflict'
  | 'rate_limited'
  | 'foreign_origin'
  | 'bad_csrf'
  | 'invitation_used'
  | 'weak_password'
  | 'wrong_login'
  | 'method_not_allowed';

const STATUS: Record<HubErrorCode, number> = {
  bad_request: 400,
  not_signed_in: 401,
  wrong_login: 401,
  forbidden: 403,
  foreign_origin: 403,
  bad_csrf: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  invitation_used: 410,
  too_large: 413,
  weak_password: 422,
  rate_limited: 429,
};

/** A refusal that says what was wrong and where (`field`), answered with its status and nothing changed. */
export class HubError extends Error {
  constructor(
    readonly code: HubErrorCode,
    message: string,
    readonly field: string | null = null,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
  get status(): number {
    return STATUS[this.code];
  }
}

/** Headers on every answer: nothing framed, sniffed, cached by a proxy or leaked in a referrer. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // same-origin, not no-referrer: under no-referrer a browser sends `Origin: null` with a form's POST, which the origin check must refuse.
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

export function sendJson(res: http.ServerResponse, status: number, value: unknown, headers: Record<string, string | string[]> = {}): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', headers);
}

export function redirect(res: http.ServerResponse, to: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(303, { ...SECURITY_HEADERS, Location: to, 'Content-Length': '0', ...headers });
  res.end();
}

/** The body as text, or a `too_large` refusal past `maxBytes` (read no further). */
export function readBody(req: http.IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > maxBytes) return reject(new HubError('too_large', `The request is larger than ${Math.round(maxBytes / 1024)} KB`));
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (part: Buffer) => {
      size += part.length;
      if (size > maxBytes) {
        req.destroy();
        reject(new HubError('too_large', `The request is larger than ${Math.round(maxBytes / 1024)} KB`));
      } else parts.push(part);
    });
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

/** A JSON or form body as an object of fields; anything else is refused. */
export async function readFields(req: http.IncomingMessage, maxBytes: number): Promise<Record<string, unknown>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
  const text = await readBody(req, maxBytes);
  if (type === 'application/json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new HubError('bad_request', 'The request is not valid JSON');
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new HubError('bad_request', 'The request must be a JSON object');
    return value as Record<string, unknown>;
  }
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
  throw new HubError('bad_request', 'Send application/json or a form');
}

export function cookies(req: http.IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) out.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return out;
}

/** A cookie only the hub's pages send back: never to scripts, never with a request from another site. */
export function sessionCookie(name: string, value: string, maxAgeSeconds: number, secure: boolean): string {
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
}

/** The origin this request was sent to (scheme and Host), to compare with the Origin a browser says it came from. */
export function ownOrigin(req: http.IncomingMessage, publicUrl: string | null): string | null {
  if (publicUrl) return new URL(publicUrl).origin;
  const host = req.headers.host;
  if (!host) return null;
  const tls = 'encrypted' in req.socket && req.socket.encrypted === true;
  return `${tls ? 'https' : 'http'}://${host}`;
}

/** A day that exists (not 30 February) written YYYY-MM-DD, between the years 1900 and 2200: what PostgreSQL's date takes without refusing. */
export function realDay(text: string): Temporal.PlainDate | null {
  const day = parsePlainDate(text);
  return day && day.year >= 1900 && day.year <= 2200 ? day : null;
}
