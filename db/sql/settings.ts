import { CALENDARS, type CalendarSystem } from '../../core/calendar';
import { LANGUAGES, type Language, type Settings } from '../../core/contract';
import type { Db } from '../open';

export function getSetting(db: Db, key: string): string | null {
  return (db.prepare('SELECT value FROM setting WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
}

export function setSetting(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}

/** The user's choices kept in the planner; an unknown stored value reads as "not chosen". */
export function settingsOf(db: Db): Settings {
  const language = getSetting(db, 'language');
  const calendar = getSetting(db, 'calendar');
  return {
    language: (LANGUAGES as readonly string[]).includes(language ?? '') ? (language as Language) : null,
    calendar: (CALENDARS as readonly string[]).includes(calendar ?? '') ? (calendar as CalendarSystem) : null,
  };
}
