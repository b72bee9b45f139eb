import { useSyncExternalStore } from 'react';
import { screenCalendar, type CalendarSystem } from '../../core/calendar';
import type { Language } from '../../core/contract';

/**
 * The calendar the user chose (settings.calendar), kept above React so every formatter reads
 * the same one. Only Persian offers a choice: Solar Hijri by default, Gregorian if chosen;
 * the other languages read Gregorian.
 */
let choice: CalendarSystem | null = null;
const listeners = new Set<() => void>();

export function setCalendarChoice(next: CalendarSystem | null): void {
  if (next === choice) return;
  choice = next;
  for (const listener of listeners) listener();
}

export function useCalendarChoice(): CalendarSystem | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => choice,
  );
}

/** The calendar a screen in `language` shows dates in. */
export function calendarFor(language: Language, chosen: CalendarSystem | null): CalendarSystem {
  return screenCalendar(language, chosen);
}
