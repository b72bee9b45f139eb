import about from './about.json';
import absences from './absences.json';
import actions from './actions.json';
import app from './app.json';
import calendar from './calendar.json';
import calendarFile from './calendarFile.json';
import common from './common.json';
import dateField from './dateField.json';
import emptyWeek from './emptyWeek.json';
import errors from './errors.json';
import file from './file.json';
import forecast from './forecast.json';
import header from './header.json';
import history from './history.json';
import hub from './hub.json';
import hubAsk from './hubAsk.json';
import hubLink from './hubLink.json';
import holidays from './holidays.json';
import ics from './ics.json';
import menu from './menu.json';
import nav from './nav.json';
import oncall from './oncall.json';
import pattern from './pattern.json';
import people from './people.json';
import person from './person.json';
import print from './print.json';
import publish from './publish.json';
import reports from './reports.json';
import roster from './roster.json';
import ruleNames from './ruleNames.json';
import rules from './rules.json';
import schedule from './schedule.json';
import shiftDialog from './shiftDialog.json';
import spreadsheet from './spreadsheet.json';
import team from './team.json';
import templates from './templates.json';
import toast from './toast.json';
import weekStart from './weekStart.json';
import welcome from './welcome.json';

/**
 * Every language's words, in one place: the UI (renderer/i18n), the desktop menu
 * (electron/menu.ts) and the calendar files' event texts (db/handlers/calendar.ts)
 * all read them from here. This folder is a leaf: it imports nothing else of ours,
 * so any layer may use it without depending on another layer's folder.
 *
 * One file per area of keys (`absences.*` in absences.json), each holding the area's
 * words in all four languages side by side. A new key, a new report or a new field is
 * then one words file, not four, and a missing translation shows next to its English.
 * A translator who wants one language in one file uses scripts/words.ts (export/import).
 *
 * The language codes are core/contract's Language; that is not imported (it would make
 * the leaf depend on the contract), but every caller indexes TRANSLATIONS with a
 * Language, so a language added to the contract without its words fails the type check.
 */
export const AREAS = {
  app,
  nav,
  header,
  welcome,
  team,
  weekStart,
  people,
  person,
  history,
  errors,
  actions,
  menu,
  roster,
  templates,
  rules,
  pattern,
  calendar,
  shiftDialog,
  oncall,
  absences,
  forecast,
  schedule,
  ics,
  calendarFile,
  print,
  publish,
  reports,
  file,
  common,
  ruleNames,
  emptyWeek,
  toast,
  dateField,
  holidays,
  about,
  spreadsheet,
  hub,
  hubLink,
  hubAsk,
};

export const WORD_LANGUAGES = ['en', 'tr', 'pl', 'fa'] as const;
type WordLanguage = (typeof WORD_LANGUAGES)[number];
type Areas = typeof AREAS;
type WordsOf<L extends WordLanguage> = { [A in keyof Areas]: Areas[A][L] };

/** One language's words as one tree ({ absences: {...}, errors: {...} }), the shape i18next reads. */
function wordsOf<L extends WordLanguage>(language: L): WordsOf<L> {
  // Object.fromEntries loses the key-to-value pairing TypeScript cannot follow through a map.
  return Object.fromEntries(Object.entries(AREAS).map(([area, words]) => [area, words[language]])) as WordsOf<L>;
}

export type Translation = WordsOf<'en'>;
/** Type-checked against English: a key missing in another language fails `tsc`. */
export const TRANSLATIONS = { en: wordsOf('en'), tr: wordsOf('tr'), pl: wordsOf('pl'), fa: wordsOf('fa') } satisfies Record<WordLanguage, Translation>;
