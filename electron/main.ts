import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, safeStorage, session, shell, utilityProcess, type UtilityProcess } from 'electron';
import type { PrintOutcome } from '../core/bridge';
import type { Language, MenuCommand } from '../core/contract';
import { NOTICES_FILE } from '../core/credits';
import { DEFAULT_PLANNER_NAME } from '../core/paths';
import { PLANNER_EXTENSION } from '../db/open';
import { CALL_CHANNEL, handleCall, MENU_CHANNEL, type Dispatcher } from './handlers';
import { hostClient, languageSet, type HostClient } from './host-client';
import { HOST_EXEC_ARGV } from './host-flags';
import { aboutDetail, buildMenuTemplate, menuLabels, type MenuLabels } from './menu';
import { parsePrintRequest, PRINT_CHANNEL, printOptions } from './print';
import { addRecent, parseRecent } from './recent';
import { fileSecretStore } from './secrets';
import type { Opened, OpenOutcome } from './service-host';
import { APP_ENTRY, APP_SCHEME, guardSession, isTrustedSender, guardWebContents, resolveAppFile, RESPONSE_HEADERS, webPreferences } from './security';

/**
 * The desktop shell: a window, a menu, file dialogs, and the service behind IPC. The service
 * runs in a utility process (host.cjs: service-host.ts), so a slow call never freezes the
 * window's frame or menus; this process passes each call on and keeps the windows, dialogs,
 * printing, the recent files and the keychain. Everything it decides is in security.ts,
 * menu.ts, handlers.ts, recent.ts and the host's modules, which are tested without Electron;
 * this file only wires them up.
 */

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const appRoot = app.getAppPath();
const rendererDir = path.join(appRoot, 'build', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');
const hostPath = path.join(__dirname, 'host.cjs');
// In development node_modules holds the Node build of better-sqlite3 (for tests and the CLI);
// scripts/electron-native.mjs puts Electron's build beside it, and the host opens files with it.
// Packaged apps are rebuilt by electron-builder.
const nativeBinding = app.isPackaged ? undefined : path.join(appRoot, 'build', 'native-electron', 'better_sqlite3.node');
const recentFile = () => path.join(app.getPath('userData'), 'recent.json');

/** The service host's process; `alive` turns false when it exits, and the next open starts another. */
let host: { client: HostClient; child: UtilityProcess; alive: boolean } | null = null;
/** The open planner as the host described it, or null. */
let opened: Opened | null = null;
/** A damaged planner shown with its backups instead of the app (the host answers for it), or null. */
let refusedFile: string | null = null;
/** The user's language, as the host reported it at open and after settings.set. */
let language: Language | null = null;
let window: BrowserWindow | null = null;
let recent: string[] = [];
let quitting = false;
/** When the host was last restarted after a crash: once a minute at most, so a crash at open cannot loop. */
let restartedAt = 0;

function labels(): MenuLabels {
  return menuLabels(language);
}

function send(command: MenuCommand) {
  window?.webContents.send(MENU_CHANNEL, command);
}

function rebuildMenu() {
  const template = buildMenuTemplate({
    labels: labels(),
    recent,
    platform: process.platform,
    dev: !app.isPackaged,
    actions: {
      newFile: () => void newFile(),
      openFile: () => void openFileDialog(),
      openRecent: (file) => void openFile(file),
      clearRecent: () => {
        recent = [];
        saveRecent();
        rebuildMenu();
      },
      saveCopy: () => void saveCopy(),
      backup: () => void backup(),
      showBackups: () => send('show-backups'),
      undo: () => send('undo'),
      redo: () => send('redo'),
      showFile: () => opened && shell.showItemInFolder(opened.filePath),
      about: () => void dialog.showMessageBox({ type: 'info', title: 'Rosterdesk', ...aboutDetail(language, app.getVersion()) }),
      // Packaged: beside the app's resources (electron-builder extraResources); in development, at the repository's root.
      notices: () => void shell.openPath(path.join(app.isPackaged ? process.resourcesPath : app.getAppPath(), NOTICES_FILE)),
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function saveRecent() {
  fs.mkdirSync(path.dirname(recentFile()), { recursive: true });
  fs.writeFileSync(recentFile(), JSON.stringify(recent));
}

/** Starts the service host. The keychain stays here (safeStorage is the main process's): the host asks for CalDAV passwords. */
function startHost(): HostClient {
  const child = utilityProcess.fork(hostPath, [], { serviceName: 'Rosterdesk planner', stdio: 'inherit', execArgv: [...HOST_EXEC_ARGV] });
  const secrets = fileSecretStore(path.join(app.getPath('userData'), 'secrets.json'), safeStorage);
  const port = { postMessage: (message: unknown) => child.postMessage(message), onMessage: (listener: (message: unknown) => void) => void child.on('message', listener) };
  const client = hostClient(port, { secrets, reopened: (outcome) => void showOutcome(outcome) });
  const started = { client, child, alive: true };
  host = started;
  child.on('exit', (code) => {
    started.alive = false;
    // Calls waiting for it answer an error instead of hanging the window.
    client.fail(`The planner service stopped (exit code ${code})`);
    if (host === started && !quitting) restartAfterCrash(code);
  });
  return client;
}

/** Opens the same file in a new host after a crash: each call committed on its own, so nothing answered is lost. */
function restartAfterCrash(code: number) {
  const file = opened?.filePath ?? refusedFile;
  console.error(`The planner service stopped (exit code ${code})${file ? `; reopening ${file}` : ''}`);
  if (!file || Date.now() - restartedAt < 60_000) return;
  restartedAt = Date.now();
  void openFile(file);
}

/**
 * Opens a planner in the host; on refusal the current file stays open and the user is told why,
 * except for a damaged planner with backups: the window then shows why and those backups, to
 * restore one right there (db/refused.ts), and the restored planner opens (the host tells us).
 */
async function openFile(file: string): Promise<boolean> {
  const client = host?.alive ? host.client : startHost();
  return showOutcome(await client.open({ file, appVersion: app.getVersion(), ...(nativeBinding ? { nativeBinding } : {}) }));
}

/** What an open in the host means for the window, its title, the menu and the recent files. */
function showOutcome(outcome: OpenOutcome): boolean {
  if ('opened' in outcome) {
    opened = outcome.opened;
    language = opened.language;
    // From the refusal screen to the app: the window starts the app afresh.
    if (refusedFile) window?.webContents.reload();
    refusedFile = null;
    recent = addRecent(recent, opened.filePath);
    saveRecent();
    rebuildMenu();
    window?.setTitle(windowTitle());
    send('file-changed');
    return true;
  }
  if ('refused' in outcome) {
    opened = null;
    refusedFile = outcome.refused.filePath;
    window?.setTitle(`${path.basename(refusedFile)} — Rosterdesk`);
    window?.webContents.reload();
    return true;
  }
  dialog.showErrorBox(labels().openFailed, outcome.error);
  return false;
}

/** Where the window's calls go: the host, for the open planner or the refused one. */
function dispatcher(): Dispatcher | null {
  const filePath = opened?.filePath ?? refusedFile;
  return host && filePath ? { planner: { filePath }, dispatchAsync: host.client.dispatchAsync } : null;
}

const plannerFilters = () => [{ name: labels().plannerFilter, extensions: [PLANNER_EXTENSION.slice(1)] }];

async function newFile() {
  const r = await dialog.showSaveDialog({ defaultPath: `planner${PLANNER_EXTENSION}`, filters: plannerFilters() });
  if (r.canceled || !r.filePath) return;
  // "New" over an existing file would merge into it; the save dialog already asked to replace it.
  if (fs.existsSync(r.filePath)) fs.rmSync(r.filePath);
  await openFile(r.filePath);
}

async function openFileDialog() {
  const r = await dialog.showOpenDialog({ properties: ['openFile'], filters: plannerFilters() });
  const file = r.filePaths[0];
  if (!r.canceled && file) await openFile(file);
}

async function saveCopy() {
  if (!opened || !host) return;
  const r = await dialog.showSaveDialog({ defaultPath: `copy${PLANNER_EXTENSION}`, filters: plannerFilters() });
  if (r.canceled || !r.filePath) return;
  if (r.filePath === opened.filePath) return;
  const done = await host.client.copy(r.filePath);
  if (done.ok) void dialog.showMessageBox({ type: 'info', message: labels().copyDone.replace('{{path}}', r.filePath) });
  else dialog.showErrorBox(labels().saveCopy, done.error.message);
}

async function backup() {
  if (!opened || !host) return;
  // The same folder and names as the automatic backups (the host takes both), so one list holds them all.
  const done = await host.client.backup();
  if (done.ok) void dialog.showMessageBox({ type: 'info', message: labels().backupDone.replace('{{path}}', done.value) });
  else dialog.showErrorBox(labels().backup, done.error.message);
}

/** The open file's name (and whether it is read-only), then the app's. */
function windowTitle(): string {
  if (!opened) return 'Rosterdesk';
  return `${path.basename(opened.filePath)}${opened.readOnly ? ` (${labels().readOnly})` : ''} — Rosterdesk`;
}

/** Closes the planner in the host (its lock goes with it), then ends the host; one that does not answer in 3 s is ended anyway. */
async function closeHost(): Promise<void> {
  quitting = true;
  const h = host;
  host = null;
  if (!h?.alive) return;
  await Promise.race([h.client.close(), new Promise((resolve) => setTimeout(resolve, 3000))]);
  h.child.kill();
}

function createWindow() {
  window = new BrowserWindow({ width: 1280, height: 860, minWidth: 800, minHeight: 560, title: windowTitle(), webPreferences: webPreferences(preloadPath) });
  guardWebContents(window.webContents, (url) => shell.openExternal(url));
  void window.loadURL(APP_ENTRY);
  window.on('closed', () => {
    window = null;
  });
}

if (!app.requestSingleInstanceLock()) {
  // A second copy would be a second writer on the same file: hand over to the first one.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, (url) => shell.openExternal(url)));

  void app.whenReady().then(async () => {
    guardSession(session.defaultSession);
    protocol.handle(APP_SCHEME, async (request) => {
      const file = resolveAppFile(rendererDir, request.url);
      if (!file) return new Response('Not found', { status: 404 });
      const res = await net.fetch(pathToFileURL(file).toString());
      const headers = new Headers(res.headers);
      for (const [k, v] of Object.entries(RESPONSE_HEADERS)) headers.set(k, v);
      return new Response(res.body, { status: res.status, headers });
    });

    ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, input: unknown) => {
      const result = await handleCall(dispatcher(), event.senderFrame?.url, method, input);
      // The menu speaks the user's language too: settings.set answers with the language it left.
      const set = languageSet(method, result);
      if (set !== undefined) {
        language = set;
        rebuildMenu();
      }
      return result;
    });

    ipcMain.handle(PRINT_CHANNEL, async (event, input: unknown): Promise<PrintOutcome> => {
      if (!isTrustedSender(event.senderFrame?.url)) return { ok: false, error: 'Printing is only for the Rosterdesk window' };
      const request = parsePrintRequest(input);
      if (!request) return { ok: false, error: 'Not a print request this window can make' };
      const contents = event.sender;
      if (request.action === 'print') {
        return new Promise((resolve) => contents.print(printOptions(request), (success, reason) => resolve(success ? { ok: true } : { ok: false, ...(reason === 'cancelled' ? {} : { error: reason }) })));
      }
      const pdf = await contents.printToPDF({ ...printOptions(request), preferCSSPageSize: true });
      const target = window ? await dialog.showSaveDialog(window, { defaultPath: request.filename, filters: [{ name: 'PDF', extensions: ['pdf'] }] }) : { canceled: true, filePath: '' };
      if (target.canceled || !target.filePath) return { ok: false };
      fs.writeFileSync(target.filePath, pdf);
      return { ok: true, file: target.filePath };
    });

    recent = parseRecent(fs.existsSync(recentFile()) ? fs.readFileSync(recentFile(), 'utf8') : null);
    const first = recent.find((f) => fs.existsSync(f)) ?? path.join(app.getPath('userData'), DEFAULT_PLANNER_NAME);
    fs.mkdirSync(app.getPath('userData'), { recursive: true });
    if (!(await openFile(first))) await openFile(path.join(app.getPath('userData'), DEFAULT_PLANNER_NAME));
    createWindow();
    rebuildMenu();
  });

  app.on('window-all-closed', () => app.quit());
  // Also on Cmd+Q, which skips window-all-closed: the planner is closed before the app goes.
  app.on('will-quit', (event) => {
    if (!host) return;
    event.preventDefault();
    void closeHost().finally(() => app.quit());
  });
}
