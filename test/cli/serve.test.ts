import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { requestProblem, startServer, type RunningServer } from '../../cli/serve';
import { dataHash } from '../helpers/dbhash';
import { freshService } from '../helpers/service';
import { tempDir } from '../helpers/tmp';

let server: RunningServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

function rendererDir(): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Rosterdesk</title>');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  return dir;
}

/** A raw request, so Host and Origin can be set to what an attacker would send. */
function request(port: number, pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const api = (port: number, token: string, payload: unknown, headers: Record<string, string> = {}) =>
  request(port, `/${token}/api`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload) });

describe('browser mode server', () => {
  it('serves the UI and the API with the token, on loopback only', async () => {
    const service = freshService();
    server = await startServer({ service, rendererDir: rendererDir(), port: 0 });
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/[\\w-]{32}/$`));
    const page = await request(server.port, `/${server.token}/`);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const created = await api(server.port, server.token, { method: 'team.create', input: { name: 'Destek', timeZone: 'Europe/Istanbul' } });
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { name: 'Destek' } });
    // Only the loopback interface listens: another local address is refused.
    const external = Object.values(os.networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) {
      await expect(
        new Promise((resolve, reject) => {
          const req = http.get({ host: external.address, port: server?.port, path: '/' }, resolve);
          req.on('error', reject);
        }),
      ).rejects.toThrow(/ECONNREFUSED/);
    }
  });

  it('refuses requests without the token, with a foreign Host (DNS rebinding) or a foreign Origin, and writes nothing', async () => {
    const service = freshService();
    server = await startServer({ service, rendererDir: rendererDir(), port: 0 });
    const { port, token } = server;
    const before = dataHash(service.planner.db);
    const create = { method: 'team.create', input: { name: 'Evil', timeZone: 'UTC' } };
    const refused = [
      await request(port, '/'),
      await request(port, '/assets/app.js'),
      await request(port, `/${'x'.repeat(token.length)}/`),
      await api(port, 'wrong-token', create),
      await request(port, `/${token}/`, { headers: { host: `evil.example:${port}` } }),
      await api(port, token, create, { host: `rebind.attacker.test:${port}` }),
      await api(port, token, create, { origin: 'https://evil.example' }),
      await api(port, token, create, { origin: `http://127.0.0.1:${port + 1}` }),
      await request(port, `/${token}/api`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(create) }),
    ];
    for (const r of refused) expect(r.status).toBeGreaterThanOrEqual(400);
    expect(dataHash(service.planner.db)).toBe(before);
  });

  it('answers hostile API payloads with {code, message, path} and never crashes', async () => {
    const service = freshService();
    server = await startServer({ service, rendererDir: rendererDir(), port: 0 });
    const { port, token } = server;
    const before = dataHash(service.planner.db);
    const payloads: unknown[] = [
      null,
      [],
      { method: 'team.create' },
      { method: 'constructor', input: {} },
      { method: '__proto__', input: {} },
      { method: 'team.create', input: { name: 'x'.repeat(100_000), timeZone: 'UTC' } },
      { method: 'person.create', input: { teamId: -1, name: 'X' } },
      { method: 'person.create', input: { teamId: 2 ** 60, name: 'X' } },
      { method: 'volume.daily', input: { teamId: 1, from: '2026-02-30', to: '2026-03-01' } },
    ];
    for (const p of payloads) {
      const r = await api(port, token, p);
      expect(r.status).toBe(200);
      const body = JSON.parse(r.body) as { ok: boolean; error: { code: string; message: string; path: unknown[] } };
      expect(body.ok, JSON.stringify(p).slice(0, 60)).toBe(false);
      expect(body.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String), path: expect.any(Array) }));
    }
    const notJson = await request(port, `/${token}/api`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"method":' });
    expect(JSON.parse(notJson.body).error.code).toBe('bad_json');
    const traversal = await request(port, `/${token}/..%2f..%2f..%2fetc%2fpasswd`);
    expect(traversal.status).toBe(403);
    expect(dataHash(service.planner.db)).toBe(before);
  });

  it('malformed addresses get 400 and a plain message; no body carries a path, a stack or an internal error', async () => {
    const service = freshService();
    const dir = rendererDir();
    server = await startServer({ service, rendererDir: dir, port: 0 });
    const { port, token } = server;
    const answers = [await request(port, `/${token}/index.html%00.png`), await request(port, `/${token}/%E0%A4%A`), await request(port, `/${token}/assets/%00`)];
    for (const r of answers) {
      expect(r.status).toBe(400);
      expect(r.body).toBe('Malformed address');
    }
    // An error inside the service (here: the planner closed under it) reaches the browser as a plain sentence.
    service.planner.db.close();
    const failed = await api(port, token, { method: 'team.list', input: {} });
    const body = JSON.parse(failed.body) as { ok: boolean; error: { code: string; message: string } };
    expect(body).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(body.error.message).toMatch(/^Something went wrong inside Rosterdesk/);
    for (const r of [...answers, failed]) {
      expect(r.body).not.toContain(dir);
      expect(r.body).not.toMatch(/ at |Error:|database connection|\/tmp\//);
    }
  });

  it('requestProblem: the rules on their own', () => {
    const ok = { host: '127.0.0.1:5000' };
    expect(requestProblem(ok, '/tok/', 5000, 'tok')).toBeNull();
    expect(requestProblem({ host: 'localhost:5000', origin: 'http://localhost:5000' }, '/tok/api', 5000, 'tok')).toBeNull();
    expect(requestProblem({}, '/tok/', 5000, 'tok')).toMatch(/Host/);
    expect(requestProblem({ host: '127.0.0.1:5001' }, '/tok/', 5000, 'tok')).toMatch(/Host/);
    expect(requestProblem({ ...ok, origin: 'null' }, '/tok/', 5000, 'tok')).toMatch(/Origin/);
    expect(requestProblem(ok, '/tok2/', 5000, 'tok')).toMatch(/token/);
    expect(requestProblem(ok, '/?token=tok', 5000, 'tok')).toMatch(/token/);
  });
});
