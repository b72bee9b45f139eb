import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, safeStorage, session, shell } from 'electron';
import type { PrintOutcome } from '../core/bridge';
import type { Language, MenuCommand } from '../core/contract';
import { NOTICES_FILE } from '../core/credits';
import { DEFAULT_PLANNER_NAME } from '../core/paths';
import { copyDatabase, openPlanner, PLANNER_EXTENSION } from '../db/open';
import { listBackups, rollingBackup, scheduleBackups } from '../db/backup';
import { isDamage, refusedPlanner, type RefusedPlanner } from '../db/refused';
import { createService, slowCallLogFromEnv, type Service } from '../db/service';
import { CALL_CHANNEL, handleCall, MENU_CHANNEL } from './handlers';
import { aboutDetail, buildMenuTemplate, menuLabels, type MenuLabels } from './menu';
import { parsePrintRequest, PRINT_CHANNEL, printOptions } from './print';
import { addRecent, parseRecent } from './recent';
import { fileSecretStore } from './secrets';
import { APP_ENTRY, APP_SCHEME, guardSession, isTrustedSender, guardWebContents, resolveAppFile, RESPONSE_HEADERS, webPreferences } from './security';

/**
 * The desktop shell: a window, a menu, file dialogs, and the service behind IPC.
 * Everything it decides is in security.ts, menu.ts, handlers.ts and recent.ts,
 * which are tested without Electron; this file only wires them up.
 */

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const appRoot = app.getAppPath();
const rendererDir = path.join(appRoot, 'build', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');
// In development node_modules holds the Node build of better-sqlite3 (for tests and the CLI);
// scripts/electron-native.mjs puts Electron's build beside it. Packaged apps are rebuilt by electron-builder.
const nativeBinding = app.isPackaged ? undefined : path.join(appRoot, 'build', 'native-electron', 'better_sqlite3.node');
const recentFile = () => path.join(app.getPath('userData'), 'recent.json');

let service: Service | null = null;
/** A damaged planner shown with its backups instead of the app, or null. */
let refused: RefusedPlanner | null = null;
let window: BrowserWindow | null = null;
let recent: string[] = [];

function currentLanguage(): Language | null {
  const r = service?.call('settings.get', {});
  return r?.ok ? r.value.language : null;
}

function labels(): MenuLabels {
  return menuLabels(currentLanguage());
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
      openRecent: (file) => openFile(file),
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
      showFile: () => service && shell.showItemInFolder(service.planner.filePath),
      about: () => void dialog.showMessageBox({ type: 'info', title: 'Rosterdesk', ...aboutDetail(currentLanguage(), app.getVersion()) }),
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

/** A rolling backup of the open file when one is due: at open, then checked hourly. */
let stopBackups: () => void = () => undefined;

async function backUp(): Promise<void> {
  if (!service) return;
  try {
    await rollingBackup(service.planner.db, service.planner.filePath, new Date());
  } catch (err) {
    console.error('Backup failed:', err);
  }
}

/**
 * Opens a planner; on refusal the current file stays open and the user is told why, except for a
 * damaged planner with backups: the window then shows why and those backups, to restore one right
 * there (db/refused.ts), and the restored planner opens.
 */
function openFile(file: string): boolean {
  try {
    const secrets = fileSecretStore(path.join(app.getPath('userData'), 'secrets.json'), safeStorage);
    const next = createService(openPlanner(file, { ifInUse: 'read-only', ...(nativeBinding ? { nativeBinding } : {}) }), { appVersion: app.getVersion(), secrets, ...slowCallLogFromEnv(), ...(nativeBinding ? { nativeBinding } : {}) });
    service?.close();
    service = next;
    // From the refusal screen to the app: the window starts the app afresh.
    if (refused) window?.webContents.reload();
    refused = null;
    // A rolling backup just after opening (not before the first screen), then daily.
    stopBackups();
    stopBackups = scheduleBackups(backUp);
    recent = addRecent(recent, next.planner.filePath);
    saveRecent();
    rebuildMenu();
    window?.setTitle(windowTitle());
    send('file-changed');
    return true;
  } catch (err) {
    if (isDamage(err) && listBackups(file).length > 0) {
      stopBackups();
      service?.close();
      service = null;
      refused = refusedPlanner(file, err, { ...(nativeBinding ? { nativeBinding } : {}), onRestored: () => openFile(file) });
      window?.setTitle(`${path.basename(file)} — Rosterdesk`);
      window?.webContents.reload();
      return true;
    }
    dialog.showErrorBox(labels().openFailed, err instanceof Error ? err.message : String(err));
    return false;
  }
}

const plannerFilters = () => [{ name: labels().plannerFilter, extensions: [PLANNER_EXTENSION.slice(1)] }];

async function newFile() {
  const r = await dialog.showSaveDialog({ defaultPath: `planner${PLANNER_EXTENSION}`, filters: plannerFilters() });
  if (r.canceled || !r.filePath) return;
  // "New" over an existing file would merge into it; the save dialog already asked to replace it.
  if (fs.existsSync(r.filePath)) fs.rmSync(r.filePath);
  openFile(r.filePath);
}

async function openFileDialog() {
  const r = await dialog.showOpenDialog({ properties: ['openFile'], filters: plannerFilters() });
  const file = r.filePaths[0];
  if (!r.canceled && file) openFile(file);
}

async function saveCopy() {
  if (!service) return;
  const r = await dialog.showSaveDialog({ defaultPath: `copy${PLANNER_EXTENSION}`, filters: plannerFilters() });
  if (r.canceled || !r.filePath) return;
  if (r.filePath === service.planner.filePath) return;
  copyDatabase(service.planner.db, r.filePath);
  void dialog.showMessageBox({ type: 'info', message: labels().copyDone.replace('{{path}}', r.filePath) });
}

async function backup() {
  if (!service) return;
  // The same folder and names as the automatic backups, so one list holds them all.
  try {
    const target = (await rollingBackup(service.planner.db, service.planner.filePath, new Date(), { force: true })) ?? '';
    void dialog.showMessageBox({ type: 'info', message: labels().backupDone.replace('{{path}}', target) });
  } catch (err) {
    dialog.showErrorBox(labels().backup, err instanceof Error ? err.message : String(err));
  }
}

/** The open file's name (and whether it is read-only), then the app's. */
function windowTitle(): string {
  if (!service) return 'Rosterdesk';
  return `${path.basename(service.planner.filePath)}${service.planner.readOnly ? ` (${labels().readOnly})` : ''} — Rosterdesk`;
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

  void app.whenReady().then(() => {
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
      const result = await handleCall(service ?? refused, event.senderFrame?.url, method, input);
      // The menu speaks the user's language too.
      if (method === 'settings.set' && result.ok) rebuildMenu();
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
    if (!openFile(first)) openFile(path.join(app.getPath('userData'), DEFAULT_PLANNER_NAME));
    createWindow();
    rebuildMenu();
  });

  app.on('window-all-closed', () => {
    service?.close();
    app.quit();
  });
}
