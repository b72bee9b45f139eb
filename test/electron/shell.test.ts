import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { handleCall } from '../../electron/handlers';
import { fileSecretStore } from '../../electron/secrets';
import { aboutDetail, buildMenuTemplate, menuLabels, type MenuActions } from '../../electron/menu';
import { parsePrintRequest, printOptions } from '../../electron/print';
import { addRecent, MAX_RECENT, parseRecent } from '../../electron/recent';
import { APP_ENTRY } from '../../electron/security';
import { dataHash } from '../helpers/dbhash';
import { openPlanner } from '../../db/open';
import { createService } from '../../db/service';
import { FIXED_NOW, freshService } from '../helpers/service';
import { tempDir, tempFile } from '../helpers/tmp';

describe('the IPC handler table', () => {
  it('passes calls from our window to the service, validated', async () => {
    const service = freshService();
    const ok = await handleCall(service, APP_ENTRY, 'team.create', { name: 'Destek', timeZone: 'Europe/Istanbul' });
    expect(ok).toMatchObject({ ok: true, value: { name: 'Destek' } });
    const bad = await handleCall(service, APP_ENTRY, 'person.create', { teamId: 1, name: 'X', email: 'nope' });
    expect(bad).toEqual({ ok: false, error: { code: 'invalid_email', message: expect.any(String), path: ['email'] } });
  });

  it('refuses other senders, unknown methods and hostile payloads without writing', async () => {
    const service = freshService();
    const before = dataHash(service.planner.db);
    expect(await handleCall(service, 'https://evil.example/', 'team.create', { name: 'X', timeZone: 'UTC' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const [method, input] of [
      ['require', {}],
      ['team.create', JSON.parse('{"name":"X","timeZone":"UTC","__proto__":{"admin":true}}')],
      ['team.create', { name: 'X', timeZone: 'UTC', constructor: { prototype: { x: 1 } } }],
      [42, null],
      ['person.list', { teamId: '1; DROP TABLE person' }],
    ] as const) {
      const r = await handleCall(service, APP_ENTRY, method, input);
      expect(r.ok, String(method)).toBe(false);
    }
    expect(dataHash(service.planner.db)).toBe(before);
    expect(await handleCall(null, APP_ENTRY, 'team.list', {})).toMatchObject({ ok: false, error: { code: 'no_file' } });
  });
});

describe('the native menu model', () => {
  const actions = (): MenuActions => ({
    newFile: vi.fn(),
    openFile: vi.fn(),
    openRecent: vi.fn(),
    clearRecent: vi.fn(),
    saveCopy: vi.fn(),
    backup: vi.fn(),
    showBackups: vi.fn(),
    undo: vi.fn(),
    redo: vi.fn(),
    showFile: vi.fn(),
    about: vi.fn(),
    notices: vi.fn(),
  });
  const sub = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
  const find = (items: MenuItemConstructorOptions[], label: string) => items.find((i) => i.label === label);

  it('has File (New, Open, Open Recent, Save a Copy, Back Up), Edit (Undo, Redo), View and Help', () => {
    const a = actions();
    const menu = buildMenuTemplate({ labels: menuLabels('en'), recent: ['/home/lead/a.rosterdesk', '/home/lead/b.rosterdesk'], platform: 'linux', dev: false, actions: a });
    expect(menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    const file = sub(menu[0]);
    expect(file.filter((i) => i.label).map((i) => i.label)).toEqual(['New Planner…', 'Open…', 'Open Recent', 'Save a Copy…', 'Back Up Now', 'Backups…', 'Show Planner File', 'Quit']);
    const recent = sub(find(file, 'Open Recent'));
    expect(recent.map((i) => i.label)).toEqual(['/home/lead/a.rosterdesk', '/home/lead/b.rosterdesk', undefined, 'Clear Recent']);
    (recent[1]?.click as () => void)();
    expect(a.openRecent).toHaveBeenCalledWith('/home/lead/b.rosterdesk');

    const edit = sub(menu[1]);
    expect(find(edit, 'Undo')?.accelerator).toBe('CmdOrCtrl+Z');
    expect(find(edit, 'Redo')?.accelerator).toBe('Ctrl+Y');
    (find(edit, 'Undo')?.click as () => void)();
    expect(a.undo).toHaveBeenCalledOnce();
    expect(sub(menu[2]).some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(sub(menu[3]).map((i) => i.label)).toEqual(['About Rosterdesk', 'Third-party notices']);
    (find(sub(menu[3]), 'Third-party notices')?.click as () => void)();
    expect(a.notices).toHaveBeenCalledOnce();
  });

  it('Help › About names the libraries and data Rosterdesk ships, with their licences, in the user language', () => {
    const en = aboutDetail('en', '1.2.3');
    expect(en.message).toBe('Rosterdesk 1.2.3');
    for (const line of ['date-holidays — public holidays — ISC (code), CC BY 3.0 (holiday data)', 'FullCalendar — calendar views — MIT', 'HiGHS (highs-js) — automatic scheduling (optimisation) — MIT', 'Zod — checking input — MIT']) expect(en.detail).toContain(line);
    for (const name of ['better-sqlite3', 'React', 'i18next', 'Recharts', 'ExcelJS', 'temporal-polyfill', 'THIRD_PARTY_NOTICES.md']) expect(en.detail).toContain(name);
    expect(aboutDetail('tr', '1.2.3').detail).toContain('date-holidays — resmî tatiller — ISC (code), CC BY 3.0 (holiday data)');
  });

  it('speaks the user language, follows macOS conventions and shows dev tools in development', () => {
    const fa = buildMenuTemplate({ labels: menuLabels('fa'), recent: [], platform: 'darwin', dev: true, actions: actions() });
    expect(fa[0]?.role).toBe('appMenu');
    expect(fa[1]?.label).toBe('پرونده');
    expect(find(sub(fa[2]), 'ازنو')?.accelerator).toBe('Cmd+Shift+Z');
    expect(sub(fa[3]).some((i) => i.role === 'toggleDevTools')).toBe(true);
    expect(find(sub(fa[1]), 'خروج')).toBeUndefined();
    expect(menuLabels(null).file).toBe('File');
    expect(menuLabels('tr').backup).toBe('Şimdi yedekle');
  });
});

describe('the recent files list', () => {
  it('keeps the newest first, without duplicates, at most ten', () => {
    let list: string[] = [];
    for (let i = 0; i < 15; i += 1) list = addRecent(list, `/f${i % 12}`);
    expect(list[0]).toBe('/f2');
    expect(list).toHaveLength(MAX_RECENT);
    expect(new Set(list).size).toBe(list.length);
  });

  it('survives a damaged recent.json', () => {
    expect(parseRecent('{not json')).toEqual([]);
    expect(parseRecent('{"a":1}')).toEqual([]);
    expect(parseRecent('["/a", 3, null, "/b"]')).toEqual(['/a', '/b']);
    expect(parseRecent(null)).toEqual([]);
  });
});

describe('the bundled scheduling worker', () => {
  it('drafts from build/electron/schedule-worker.cjs, the file the packaged app runs', async () => {
    // `npm test` bundles the Electron build before the unit tests; run alone on a fresh clone,
    // the test makes that build itself (esbuild, a few seconds), so the worker runs from it.
    const entry = path.resolve(import.meta.dirname, '../../build/electron/schedule-worker.cjs');
    if (!fs.existsSync(entry)) {
      const built = spawnSync(process.execPath, [path.resolve(import.meta.dirname, '../../scripts/build-electron.mjs')], { cwd: path.resolve(import.meta.dirname, '../..'), encoding: 'utf8' });
      expect(built.status, built.stderr).toBe(0);
    }
    expect(fs.existsSync(entry)).toBe(true);
    const file = tempFile();
    const s = createService(openPlanner(file), { appVersion: 'test', now: () => FIXED_NOW, scheduleWorkerEntry: entry });
    const t = s.run('team.create', { name: 'Destek', timeZone: 'Europe/Istanbul', skills: ['phone'] });
    s.run('person.create', { teamId: t.id, name: 'Ayşe', skills: ['phone'] });
    s.run('template.create', { teamId: t.id, code: 'G', name: 'Gündüz', startLocal: '09:00', endLocal: '17:00', skill: 'phone' });
    const { jobId } = s.run('schedule.start', { teamId: t.id, from: '2026-11-23', to: '2026-11-29', timeLimitSeconds: 5 });
    let status = s.run('schedule.status', { jobId });
    for (let i = 0; i < 400 && status.state === 'running'; i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      status = s.run('schedule.status', { jobId });
    }
    expect(status).toMatchObject({ state: 'done', error: null });
    // No history: nothing is required, so the draft is the contract's five days and says why.
    expect(status.draft?.withoutHistory).toEqual(['phone']);
    expect(status.draft?.summary.violations).toBe(0);
    s.close();
  }, 30_000);
});

describe('print requests from the page', () => {
  it('takes only the two actions, the two papers and a plain PDF file name', () => {
    const ok = { action: 'pdf', pageSize: 'A3', filename: 'Support Desk 2026-11-23.pdf' };
    expect(parsePrintRequest(ok)).toEqual(ok);
    expect(printOptions({ action: 'print', pageSize: 'A4', filename: 'x.pdf' })).toEqual({ landscape: true, pageSize: 'A4', printBackground: true });
    for (const bad of [
      null,
      'print',
      [],
      { ...ok, action: 'email' },
      { ...ok, pageSize: 'Letter' },
      { ...ok, filename: '../../etc/passwd.pdf' },
      { ...ok, filename: 'C:\\Windows\\x.pdf' },
      { ...ok, filename: 'rota.exe' },
      { ...ok, filename: '.pdf' },
      { ...ok, filename: `${'a'.repeat(200)}.pdf` },
      { ...ok, filename: 'a\u0000.pdf' },
    ]) {
      expect(parsePrintRequest(bad), JSON.stringify(bad)).toBeNull();
    }
  });
});

describe('remembered CalDAV passwords', () => {
  // safeStorage stubbed at the boundary: a reversible scrambling standing in for the OS key.
  const crypto = { isEncryptionAvailable: () => true, encryptString: (p: string) => Buffer.from(p, 'utf8').reverse(), decryptString: (b: Buffer) => Buffer.from(b).reverse().toString('utf8') };

  it('keeps nothing without a keychain', () => {
    const file = path.join(tempDir(), 'secrets.json');
    const secrets = fileSecretStore(file, { ...crypto, isEncryptionAvailable: () => false });
    secrets.set('k', 'v');
    expect(fs.existsSync(file)).toBe(false);
    expect(secrets.get('k')).toBeNull();
  });
});
