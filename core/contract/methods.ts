import type { z } from 'zod';
import { absenceMethods } from './absences';
import { appMethods } from './app';
import { demandMethods } from './demand';
import { holidayMethods } from './holidays';
import { hubMethods } from './hub';
import type { MethodSpec } from './inputs';
import { oncallMethods } from './oncall';
import { peopleMethods } from './people';
import { publishingMethods } from './publishing';
import { reportMethods } from './reports';
import { rosterMethods } from './roster';
import { scheduleMethods } from './schedule';

/**
 * The API contract: every method the UI, the CLI and tests can call, with the
 * schema of its input and output. The service implements exactly these; the
 * preload bridge and browser mode only carry them. `undo` names the step a
 * mutating call adds to the undo history (null: reads, or not undoable).
 *
 * Each area's methods live in their own module; this one puts them together.
 * It is apart from core/contract.ts so that core/bridge.ts can name the
 * methods' types without importing the module that re-exports the bridge.
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
  ...hubMethods,
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
