/**
 * The libraries and data Rosterdesk ships, for Help › About and the File page's About: the
 * ones a user would recognise, with their licences. Every shipped package, with its licence
 * text, is in THIRD_PARTY_NOTICES.md (scripts/third-party-notices.mjs), which the packaged app
 * carries; test/core/credits.test.ts holds both to node_modules.
 */
export interface Credit {
  /** Also the key of what it does, in the translations' about.what. */
  id: 'dateHolidays' | 'fullcalendar' | 'highs' | 'betterSqlite3' | 'react' | 'i18next' | 'recharts' | 'exceljs' | 'temporal' | 'zod' | 'electron';
  name: string;
  /** The npm package whose licence this names. */
  packageName: string;
  licence: string;
  url: string;
}

export const CREDITS: readonly Credit[] = [
  { id: 'dateHolidays', name: 'date-holidays', packageName: 'date-holidays', licence: 'ISC (code), CC BY 3.0 (holiday data)', url: 'https://github.com/commenthol/date-holidays' },
  { id: 'fullcalendar', name: 'FullCalendar', packageName: '@fullcalendar/react', licence: 'MIT', url: 'https://fullcalendar.io' },
  { id: 'highs', name: 'HiGHS (highs-js)', packageName: 'highs', licence: 'MIT', url: 'https://highs.dev' },
  { id: 'betterSqlite3', name: 'better-sqlite3 (SQLite: public domain)', packageName: 'better-sqlite3', licence: 'MIT', url: 'https://github.com/WiseLibs/better-sqlite3' },
  { id: 'react', name: 'React', packageName: 'react', licence: 'MIT', url: 'https://react.dev' },
  { id: 'i18next', name: 'i18next, react-i18next', packageName: 'i18next', licence: 'MIT', url: 'https://www.i18next.com' },
  { id: 'recharts', name: 'Recharts', packageName: 'recharts', licence: 'MIT', url: 'https://recharts.org' },
  { id: 'exceljs', name: 'ExcelJS', packageName: 'exceljs', licence: 'MIT', url: 'https://github.com/exceljs/exceljs' },
  { id: 'temporal', name: 'temporal-polyfill', packageName: 'temporal-polyfill', licence: 'MIT', url: 'https://github.com/fullcalendar/temporal-polyfill' },
  { id: 'zod', name: 'Zod', packageName: 'zod', licence: 'MIT', url: 'https://zod.dev' },
  { id: 'electron', name: 'Electron (Chromium, Node.js)', packageName: 'electron', licence: 'MIT (Chromium: BSD-3-Clause and others, in LICENSES.chromium.html)', url: 'https://www.electronjs.org' },
];

/** The notices file's name, beside the app's resources when packaged and at the repository's root. */
export const NOTICES_FILE = 'THIRD_PARTY_NOTICES.md';

/** One line per credit, for a plain-text dialog. */
export function creditLines(what: (id: Credit['id']) => string): string[] {
  return CREDITS.map((c) => `${c.name} — ${what(c.id)} — ${c.licence}`);
}
