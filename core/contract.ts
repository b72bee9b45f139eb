/**
 * The API contract, as every caller imports it: the methods (assembled in
 * contract/methods.ts from one module per area) and the schemas and types
 * callers name. The bridge's types are re-exported for the UI's convenience.
 */
export { contract, isMethodName, METHOD_NAMES, type Contract, type MethodInput, type MethodName, type MethodOutput, type ParsedInput } from './contract/methods';
export { IMPORT_MAX_BYTES, UPLOAD_PIECE_BYTES } from './contract/inputs';
export { CalendarSetting, FORMAT_LOCALE, HistoryState, Language, LANGUAGE_NAMES, LANGUAGES, Settings } from './contract/app';
export { CostRow, RosterWeek } from './contract/roster';
export { ReportKind } from './contract/reports';
export { DailyVolume, WeeklyVolume } from './contract/demand';
export type { CalDavTarget, ServerChange } from './contract/publishing';
export type { Draft, DraftRequest } from './contract/schedule';
export { MENU_COMMANDS, type MenuCommand, type RosterdeskBridge } from './bridge';
