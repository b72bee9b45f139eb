import { z } from 'zod';
import { CALENDARS } from '../calendar';
import { Team } from '../team';
import { empty, type MethodSpec } from './inputs';

/** The contract's methods about the app itself: the planner file and its backups, settings, the demo team and the undo history. */

export const LANGUAGES = ['en', 'tr', 'pl', 'fa'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;
/** The Intl locale each language formats numbers and dates with (fa-IR gives Persian digits): the window, calendar files and the hub's pages alike. */
export const FORMAT_LOCALE: Record<Language, string> = { en: 'en-GB', tr: 'tr-TR', pl: 'pl-PL', fa: 'fa-IR' };
/** Each language by its own name, for language pickers. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', tr: 'Türkçe', pl: 'Polski', fa: 'فارسی' };

/** The calendar dates are shown and typed in; null: the language's own (Solar Hijri for Persian). */
export const CalendarSetting = z.enum(CALENDARS);
export const Settings = z.object({ language: Language.nullable(), calendar: CalendarSetting.nullable() });
export type Settings = z.infer<typeof Settings>;

/** `undoAction` is the method that made the step (the UI translates it); the label is English for the CLI and logs. */
export const HistoryState = z.object({
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  undoLabel: z.string().nullable(),
  redoLabel: z.string().nullable(),
  undoAction: z.string().nullable(),
  redoAction: z.string().nullable(),
});
export type HistoryState = z.infer<typeof HistoryState>;

export const appMethods = {
  'app.info': {
    input: empty,
    /** readOnly: why changes cannot be saved (another Rosterdesk has the file, the folder or the disk refuses writing), or null; readOnlyCause names the kind. */
    output: z.object({
      appVersion: z.string(),
      schemaVersion: z.number(),
      filePath: z.string(),
      readOnly: z.string().nullable(),
      readOnlyCause: z.enum(['in_use', 'asked', 'folder', 'disk_full']).nullable(),
    }),
    undo: null,
  },
  'file.check': {
    input: empty,
    output: z.object({
      file: z.string(),
      schemaVersion: z.number(),
      integrity: z.string(),
      teams: z.array(z.object({ name: z.string(), people: z.number() })),
      problems: z.array(z.string()),
    }),
    undo: null,
  },
  /** The rolling backups beside the planner file, newest first. */
  'file.backups': { input: empty, output: z.array(z.object({ name: z.string(), takenAt: z.string(), bytes: z.number() })), undo: null },
  /** Takes a backup now, into the same folder as the automatic ones. */
  'file.backup': { input: empty, output: z.object({ name: z.string() }), undo: null },
  /**
   * Replaces the plan with one of those backups (by name), in one step that Ctrl+Z does
   * not undo: the plan as it was is backed up first (`safetyCopy`), restore that to go back.
   */
  'file.restore': { input: z.strictObject({ name: z.string().max(64) }), output: z.object({ safetyCopy: z.string() }), undo: null },
  /**
   * A planner that could not be opened because it is damaged: its path, why, and its backups to
   * restore from (the window's refusal screen). Null when a planner is open, as it normally is.
   */
  'file.refusal': {
    input: empty,
    output: z.object({ filePath: z.string(), reason: z.string(), backups: z.array(z.object({ name: z.string(), takenAt: z.string(), bytes: z.number() })) }).nullable(),
    undo: null,
  },
  /** Puts a backup in place of the damaged planner on the refusal screen (kept aside byte for byte as `safetyCopy`) and opens it. */
  'file.restoreDamaged': { input: z.strictObject({ name: z.string().max(64) }), output: z.object({ safetyCopy: z.string() }), undo: null },
  'settings.get': { input: empty, output: Settings, undo: null },
  'settings.set': { input: z.strictObject({ language: Language.optional(), calendar: CalendarSetting.optional() }), output: Settings, undo: null },

  'demo.create': { input: empty, output: Team, undo: 'Open the demo team' },

  'history.state': { input: empty, output: HistoryState, undo: null },
  'history.undo': { input: empty, output: HistoryState, undo: null },
  'history.redo': { input: empty, output: HistoryState, undo: null },
} as const satisfies Record<string, MethodSpec>;
