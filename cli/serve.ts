import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Service } from '../db/service';
import { CONTENT_SECURITY_POLICY } from '../core/csp';
import type { ApiResult } from '../core/result';

/**
 * Browser mode: the same UI and the same service as the desktop app, over HTTP
 * on 127.0.0.1 only. Every request must carry the per-run token as the first
 * path segment and a Host (and, when sent, an Origin) naming this server, so
 * neither another site in the browser nor DNS rebinding can reach the planner.
 */

export interface ServeOptions {
  /** The API door: the open planner's service, or a damaged planner's refusal (db/refused.ts). */
  service: Pick<Service, 'dispatchAsync'>;
  rendererDir: string;
  port: number;
  /** Fixed only by tests that need to prove a wrong token is refused. */
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

// Large enough for the largest ticket export volume.import takes (200 MB), sent as its bytes in
// base64 (a third longer); the server is loopback-only and token-guarded.
const MAX_BODY_BYTES = 280 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

const BASE_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // The token is in the URL: never send it to anyone in a Referer.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}) {
  res.writeHead(status, { ...BASE_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

function refuse(res: http.ServerResponse, status: number, message: string) {
  send(res, status, JSON.stringify({ ok: false, error: { code: 'forbidden', message, path: [] } }), 'application/json; charset=utf-8');
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** Why a request is refused, or null when it may proceed. Pure, so it is tested on its own too. */
export function requestProblem(headers: http.IncomingHttpHeaders, url: string, port: number, token: string): string | null {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!headers.host || !allowedHosts.includes(headers.host.toLowerCase())) return 'Foreign Host header refused';
  const origin = headers.origin;
  if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin.toLowerCase())) return 'Foreign Origin refused';
  const segment = url.split('/')[1] ?? '';
  if (!sameToken(segment.split('?')[0] ?? '', token)) return 'Missing or wrong token';
  return null;
}

async function readBody(req: http.IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The request's path, percent-decoded, or null when it is malformed: a broken escape (%E0%A4%A)
 * or a NUL byte (index.html%00.png), which no file of the app has and fs would throw on.
 */
export function decodedPath(raw: string): string | null {
  let text: string;
  try {
    text = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return text.includes('\0') ? null : text;
}

// What a browser is told when something failed inside: never the error's own text, which can
// name folders of this computer or SQLite's internals. The terminal running `serve` gets the rest.
const INTERNAL_MESSAGE = 'Something went wrong inside Rosterdesk; nothing was saved. The terminal running rosterdesk serve has the details.';

function logInternal(err: unknown): void {
  process.stderr.write(`rosterdesk serve: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
}

function withoutInternals(result: ApiResult<unknown>): ApiResult<unknown> {
  if (result.ok || result.error.code !== 'internal') return result;
  logInternal(result.error.message);
  return { ok: false, error: { ...result.error, message: INTERNAL_MESSAGE } };
}

export function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const root = path.resolve(options.rendererDir);
  let port = options.port;

  const server = http.createServer((req, res) => {
    void (async () => {
      const problem = requestProblem(req.headers, req.url ?? '/', port, token);
      if (problem) return refuse(res, 403, problem);
      const rest = decodedPath((req.url ?? '/').slice(token.length + 1).split('?')[0] ?? '/');
      if (rest === null) return send(res, 400, 'Malformed address', 'text/plain; charset=utf-8');

      if (rest === '/api') {
        if (req.method !== 'POST') return refuse(res, 405, 'Use POST');
        // JSON only: a cross-site form cannot send it without a preflight we never answer.
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, 'Send application/json');
        const body = await readBody(req);
        if (body === null) return refuse(res, 413, 'Request too large');
        let payload: unknown;
        try {
          payload = JSON.parse(body);
        } catch {
          return send(res, 400, JSON.stringify({ ok: false, error: { code: 'bad_json', message: 'The request is not valid JSON', path: [] } }), 'application/json; charset=utf-8');
        }
        const { method, input } = (payload ?? {}) as { method?: unknown; input?: unknown };
        const result = await options.service.dispatchAsync(method, input);
        return send(res, 200, JSON.stringify(withoutInternals(result)), 'application/json; charset=utf-8');
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Use GET');
      const file = path.resolve(root, '.' + (rest === '/' || rest === '' ? '/index.html' : rest));
      if (!file.startsWith(root + path.sep)) return refuse(res, 403, 'Outside the app');
      fs.readFile(file, (err, data) => {
        if (err) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
        const type = MIME[path.extname(file)] ?? 'application/octet-stream';
        send(res, 200, data, type, rest.startsWith('/assets/') ? { 'Cache-Control': 'private, max-age=31536000, immutable' } : {});
      });
    })().catch((err: unknown) => {
      logInternal(err);
      if (!res.headersSent) send(res, 500, INTERNAL_MESSAGE, 'text/plain; charset=utf-8');
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the planner is never reachable from the network.
    server.listen(options.port, '127.0.0.1', () => {
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : options.port;
      resolve({
        url: `http://127.0.0.1:${port}/${token}/`,
        port,
        token,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
