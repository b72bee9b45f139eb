import type { MenuItemConstructorOptions } from 'electron';
import { TRANSLATIONS, type Translation } from '../words/index';
import type { Language } from '../core/contract';
import { creditLines } from '../core/credits';

/** Menu labels come from the same translation files as the UI. */
export type MenuLabels = Translation['menu'];

export function menuLabels(language: Language | null): MenuLabels {
  return TRANSLATIONS[language ?? 'en'].menu;
}

export interface MenuActions {
  newFile(): void;
  openFile(): void;
  openRecent(file: string): void;
  clearRecent(): void;
  saveCopy(): void;
  backup(): void;
  showBackups(): void;
  undo(): void;
  redo(): void;
  showFile(): void;
  about(): void;
  /** Opens THIRD_PARTY_NOTICES.md, which the packaged app carries. */
  notices(): void;
}

export interface MenuModel {
  labels: MenuLabels;
  recent: readonly string[];
  platform: NodeJS.Platform;
  /** Developer tools only when not packaged. */
  dev: boolean;
  actions: MenuActions;
}

/**
 * The native menu as data: File (New, Open, Open Recent, Save a Copy, Back Up, Backups),
 * Edit (Undo, Redo sent to the window, which owns the undo history), View, Help.
 */
export function buildMenuTemplate({ labels, recent, platform, dev, actions }: MenuModel): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? [...recent.map((file) => ({ label: file, click: () => actions.openRecent(file) })), { type: 'separator' }, { label: labels.clearRecent, click: actions.clearRecent }]
    : [{ label: labels.clearRecent, enabled: false }];
  return [
    ...(mac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: labels.file,
      submenu: [
        { label: labels.new, accelerator: 'CmdOrCtrl+N', click: actions.newFile },
        { label: labels.open, accelerator: 'CmdOrCtrl+O', click: actions.openFile },
        { label: labels.openRecent, submenu: recentItems },
        { type: 'separator' },
        { label: labels.saveCopy, accelerator: 'CmdOrCtrl+Shift+S', click: actions.saveCopy },
        { label: labels.backup, click: actions.backup },
        { label: labels.backups, click: actions.showBackups },
        { label: labels.showFile, click: actions.showFile },
        ...(mac ? [] : [{ type: 'separator' } satisfies MenuItemConstructorOptions, { label: labels.quit, role: 'quit' } satisfies MenuItemConstructorOptions]),
      ],
    },
    {
      label: labels.edit,
      submenu: [
        { label: labels.undo, accelerator: 'CmdOrCtrl+Z', click: actions.undo },
        { label: labels.redo, accelerator: mac ? 'Cmd+Shift+Z' : 'Ctrl+Y', click: actions.redo },
        { type: 'separator' },
        { label: labels.cut, role: 'cut' },
        { label: labels.copy, role: 'copy' },
        { label: labels.paste, role: 'paste' },
        { label: labels.selectAll, role: 'selectAll' },
      ],
    },
    {
      label: labels.view,
      submenu: [
        { label: labels.reload, role: 'reload' },
        { type: 'separator' },
        { label: labels.zoomIn, role: 'zoomIn' },
        { label: labels.zoomOut, role: 'zoomOut' },
        { label: labels.resetZoom, role: 'resetZoom' },
        { type: 'separator' },
        { label: labels.fullScreen, role: 'togglefullscreen' },
        ...(dev ? [{ label: labels.devTools, role: 'toggleDevTools' } satisfies MenuItemConstructorOptions] : []),
      ],
    },
    {
      label: labels.help,
      role: 'help',
      submenu: [
        { label: labels.about, click: actions.about },
        { label: labels.notices, click: actions.notices },
      ],
    },
  ];
}

/** Help › About's text: the version, then the libraries and data Rosterdesk ships with their licences. */
export function aboutDetail(language: Language | null, version: string): { message: string; detail: string } {
  const about = TRANSLATIONS[language ?? 'en'].about;
  return {
    message: `Rosterdesk ${version}`,
    detail: [about.intro, '', ...creditLines((id) => about.what[id]), '', about.noticesFile].join('\n'),
  };
}
