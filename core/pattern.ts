import { z } from 'zod';
import { Temporal } from './time';
import { id, label } from './validators';

/**
 * A rotating pattern: an N-day cycle of template codes and days off, written as
 * a lead would on paper, e.g. "E E L L N N - -". Applied to people from a start
 * day, each person starting `offset` days into the cycle (the stagger), so a
 * team covers every day with the same cycle.
 */

export const OFF = '-';
export const MAX_CYCLE_DAYS = 84;

export const cycleStep = z.string().trim().regex(/^([\p{L}\p{N}]{1,6}|-)$/u, 'Each step is a shift code (E, L, N…) or - for a day off');

/** "E E L L - -" or "E,E,L,L,-,-" → ['E','E','L','L','-','-']. */
export function parseCycle(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export const Pattern = z.object({ id, teamId: id, name: z.string(), cycle: z.array(z.string()) });
export type Pattern = z.infer<typeof Pattern>;

export const PatternCycle = z.array(cycleStep).min(1, 'A pattern needs at least one day').max(MAX_CYCLE_DAYS, `At most ${MAX_CYCLE_DAYS} days in a cycle`);

export const PatternCreate = z.strictObject({ teamId: id, name: label(80), cycle: PatternCycle });

export interface PatternDay {
  day: string;
  /** A template code, or null for a day off. */
  code: string | null;
}

/** The days of one person's pattern: `days` days from `start`, beginning `offset` steps into the cycle. */
export function expandPattern(cycle: readonly string[], start: Temporal.PlainDate, days: number, offset: number): PatternDay[] {
  const n = cycle.length;
  const out: PatternDay[] = [];
  for (let i = 0; i < days; i += 1) {
    const step = cycle[(((i + offset) % n) + n) % n] ?? OFF;
    out.push({ day: start.add({ days: i }).toString(), code: step === OFF ? null : step });
  }
  return out;
}
