import type { ApiError } from '../../../core/errors';
import type { ShiftTemplate } from '../../../core/template';
import { fieldErrors, type ShownError } from '../../api/errors';

/** A template's fields as typed (the break as text, so a half-typed number is not lost). */
export interface Draft {
  code: string;
  name: string;
  startLocal: string;
  endLocal: string;
  breakMinutes: string;
  color: string;
  skill: string;
}

/** What a save waits on: the lead confirming an unusual length, then saying what happens to planned shifts. */
export type Question = { kind: 'length'; hours: number; startLocal: string; endLocal: string } | { kind: 'future'; shifts: number; from: string; code: string };

export const draftOf = (tp: ShiftTemplate): Draft => ({ ...tp, breakMinutes: String(tp.breakMinutes), skill: tp.skill ?? '' });

/** The draft as the API takes it: an empty break is not a number (the API says so), no skill is null. */
export const valuesOf = (d: Draft) => ({ code: d.code, name: d.name, startLocal: d.startLocal, endLocal: d.endLocal, breakMinutes: d.breakMinutes.trim() === '' ? Number.NaN : Number(d.breakMinutes), color: d.color, skill: d.skill || null });

/** Field errors that name the field, for codes that only say what kind of value was wrong. */
const GENERIC = new Set(['required', 'too_small', 'too_big', 'invalid_type', 'invalid_format', 'invalid', 'invalid_value']);
export function namedErrors(error: ApiError | null): Map<string, ShownError> {
  const out = new Map<string, ShownError>(fieldErrors(error));
  for (const field of ['code', 'name', 'breakMinutes'] as const) {
    const e = out.get(field);
    if (e && GENERIC.has(e.code)) out.set(field, { ...e, code: `templateField.${field}` });
  }
  return out;
}
