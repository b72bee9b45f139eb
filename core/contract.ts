import type { z } from 'zod';
import { absenceMethods } from './contract/absences';
import { appMethods } from './contract/app';
import { demandMethods } from './contract/demand';
import { holidayMethods } from './contract/holidays';
import type { MethodSpec } from './contract/inputs';
import { oncallMethods } from './contract/oncall';
import { peopleMethods } from './contract/people';
import { publishingMethods } from './contract/publishing';
import { reportMethods } from './contract/reports';
import { rosterMethods } from './contract/roster';
import { scheduleMethods } from './contract/schedule';

/**
 * The API contract: every method the UI, the CLI and tests can call, with the
 * schema of its input and output. The service implements exactly these; the
 * preload bridge and browser mode only carry them. `undo` names the step a
 * mutating call adds to the undo history (null: reads, or not undoable).
 *
 * Each area's methods live in their own module under contract/; this one puts
 * them together, with the schemas and types callers name.
 */
export const contract = {
  ...appMethods,
  ...peopleMethods,
  ...rosterMethods,
  ...demandMethods,
  ...publishingMethods,
  ...reportMethods,
  ...oncallMethods,
  ...holidayMethods,
  ...absenceMethods,
  ...scheduleMethods,
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export { IMPORT_MAX_BYTES } from './contract/inputs';
export { CalendarSetting, HistoryState, Language, LANGUAGES, Settings } from './contract/app';
export { CostRow, RosterWeek } from './contract/roster';
export { DailyVolume, WeeklyVolume } from './contract/demand';
export type { CalDavTarget, ServerChange } from './contract/publishing';
export type { Draft, DraftRequest } from './contract/schedule';

export { MENU_COMMANDS, type MenuCommand, type RosterdeskBridge } from './bridge';
