import type { z } from 'zod';

/**
 * Every error code, with what it means. The codes are part of the public interface
 * (README): the window translates each (words/*.json, errors.<code>; a unit test checks
 * all four languages), the CLI and HTTP callers may branch on them. One code, one
 * meaning: a code that reads wrong for a new case gets a sibling instead of a second use.
 */
export const ERROR_MEANINGS = {
  // Input that fails the contract's schema (zod), field by field.
  invalid: 'the input is not acceptable, and no more specific code says why',
  required: 'a value that must be given is missing',
  invalid_type: 'a value is of the wrong kind (text where a number belongs, …)',
  invalid_format: 'text is not in the expected format',
  invalid_value: 'a value is not one of the allowed choices',
  invalid_email: 'not an e-mail address',
  too_small: 'too short, too small or too few',
  too_big: 'too long, too large, too many, or a range longer than allowed',
  unknown_field: 'the input has a field the method does not take',
  control_characters: 'text contains control characters (they break CSV, ICS and print)',
  invalid_date: 'not a real date written YYYY-MM-DD',
  invalid_time_zone: 'not an IANA time zone',
  invalid_locale: 'not a language tag such as tr-TR',
  invalid_currency: 'not an ISO 4217 currency code',
  reversed_range: 'a range or a span ends before it starts',
  conflict: 'two parts of the input exclude each other (a month and from/to)',
  duplicate_skill: 'a skill is listed twice',
  duplicate_weekday: 'a weekday is given twice in opening hours',
  closes_before_opening: 'an opening-hours window closes before it opens',
  windows_overlap: 'two opening-hours windows of one day overlap',
  // What the planner holds.
  not_found: 'no record with this id, name or email (deleted, or in another team)',
  duplicate_email: 'someone in the team already has this email',
  duplicate_name: 'a team, absence type or rotation with this name already exists',
  duplicate_code: 'another shift template already has this code',
  duplicate_cell: 'one request sets the same person and day twice',
  unknown_skill: 'not a skill (channel) of the team',
  unknown_code: 'no shift template has this code',
  unknown_region: 'not a holiday region of the team’s country',
  skill_in_use: 'a skill taken off the team is still someone’s skill',
  has_shifts: 'a person with shifts cannot be deleted (archive instead)',
  has_absences: 'a person with absences on record cannot be deleted (archive instead)',
  in_rotation: 'a person on an on-call rotation cannot be deleted (archive instead)',
  archived: 'the person is archived, so nothing new can be planned for them',
  type_removed: 'the absence type has been removed, so it cannot be used',
  // The rota.
  not_week_start: 'the day is not the first day of the team’s week',
  outside_shift: 'an activity is not inside its shift',
  overlap: 'two activities in a shift overlap',
  would_replace: 'applying a pattern would replace existing shifts: confirm to go on',
  confirm_length: 'an unusually short or long template: confirm the length to save it',
  // Drafting a schedule.
  busy: 'a schedule is already being drafted',
  out_of_range: 'a drafted shift falls outside the range being applied',
  draft_clash: 'a drafted shift takes a person and day already held by a locked or another drafted shift',
  // On call.
  turns_overlap: 'the two turns of a swap overlap',
  not_their_turn: 'the person is not on call for all of the turn being swapped',
  already_paused: 'the rotation is already paused',
  not_paused: 'the rotation is not paused',
  // Absences.
  absence_overlap: 'the person already has an absence on these days',
  outside_employment: 'the days fall outside the person’s employment',
  decided: 'the absence has been approved or refused and can no longer be edited',
  invalid_status: 'an absence cannot move to this status from its current one',
  last_type: 'a team keeps at least one absence type',
  // Holidays.
  holiday_exists: 'the day already is a holiday',
  not_removed: 'restoring a public holiday that was never removed',
  same_day: 'moving a holiday to the day it is already on',
  // Forecast.
  not_enough_history: 'too little ticket history for a forecast',
  // Files read or imported.
  empty_file: 'the file is empty (no header line)',
  too_many_rows: 'the file has more rows than one import takes',
  too_large: 'the file is larger than an import reads',
  csv_syntax: 'the CSV is malformed (an unclosed quote, text after a quote)',
  undecodable: 'the file’s bytes are not text in the chosen encoding',
  import_invalid: 'some lines of an import are wrong; nothing was imported (lines lists them)',
  not_xlsx: 'the file is not an Excel workbook (.xlsx)',
  not_a_file: 'the path is a folder or something else that is not a file',
  file_changed: 'the file changed while it was read',
  upload_gone: 'a file sent in pieces is no longer kept (imported, refused or left too long)',
  upload_incomplete: 'a file sent in pieces is still missing some of its bytes',
  upload_overrun: 'a piece of a file sent in pieces lies past its announced size or over another piece',
  too_many_uploads: 'too many files are being sent in pieces at once',
  exists: 'a file is already there and is never overwritten',
  // The planner file.
  no_such_file: 'the planner file or its folder does not exist',
  cannot_read: 'the planner file cannot be read (permissions)',
  cannot_write: 'no planner file can be made in this folder',
  not_sqlite: 'the file is not an SQLite database',
  not_planner: 'an SQLite database, but not a Rosterdesk planner',
  newer_version: 'saved by a newer Rosterdesk',
  corrupt: 'the planner file is damaged',
  damaged: 'the chosen backup is damaged',
  in_use: 'another Rosterdesk has the planner file open',
  read_only: 'the planner file cannot be written, so nothing was saved',
  file_gone: 'the planner file was moved or deleted while open',
  disk_full: 'the disk is full, so nothing was saved',
  constraint: 'the change breaks a rule of the database',
  planner_refused: 'the planner file was refused when opened; only its backups can be used',
  not_refused: 'restoring over a damaged planner, but this one is open and not damaged',
  // Calendar servers.
  caldav_auth: 'the calendar server did not accept the user name and password',
  caldav_refused: 'the calendar server refused a request',
  caldav_unreachable: 'the calendar server cannot be reached',
  // Transports and callers.
  forbidden: 'the call did not come from the Rosterdesk window',
  no_file: 'no planner file is open',
  bad_json: 'the HTTP request body is not JSON',
  unknown_method: 'there is no API method by that name',
  needs_async: 'the method works in steps and must be called through dispatchAsync',
  internal: 'an unexpected failure inside Rosterdesk',
  // The command line.
  problems: 'rosterdesk check found problems',
  listen: 'browser mode cannot listen on the port',
  hub_unreachable: 'the department hub or its database cannot be reached',
  hub_refused: 'the department hub refused the request',
  // Raised by the window itself.
  network: 'the window cannot reach the planner (browser mode server gone)',
  print_failed: 'printing or saving as PDF failed',
  stale_draft: 'the draft was made for a rota that has changed since',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof ERROR_MEANINGS;
/** The codes as a non-empty tuple, as z.enum takes them. */
export const ERROR_CODES = Object.keys(ERROR_MEANINGS) as [ErrorCode, ...ErrorCode[]];

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_MEANINGS, code);
}

/**
 * The one error shape every transport answers with (IPC, HTTP, CLI, tests).
 * `path` points into the input that was refused, so a form can put the message
 * next to the right field; `lines` carries per-line problems of a file import.
 */
export interface ApiError {
  code: ErrorCode;
  message: string;
  path: (string | number)[];
  lines?: LineProblem[];
  /** Further problems with the same input, so a form can mark every bad field at once. */
  issues?: FieldProblem[];
}

export interface FieldProblem {
  code: ErrorCode;
  message: string;
  path: (string | number)[];
}

export interface LineProblem {
  line: number;
  column?: string;
  message: string;
}

/** Thrown inside the service; turned into an ApiError at the boundary. */
export class UserError extends Error {
  readonly code: ErrorCode;
  readonly path: (string | number)[];
  readonly lines: LineProblem[] | undefined;
  constructor(code: ErrorCode, message: string, path: (string | number)[] = [], lines?: LineProblem[]) {
    super(message);
    this.name = 'UserError';
    this.code = code;
    this.path = path;
    this.lines = lines;
  }
}

export function toApiError(err: UserError): ApiError {
  const out: ApiError = { code: err.code, message: err.message, path: err.path };
  if (err.lines) out.lines = err.lines;
  return out;
}

/**
 * Maps zod's issue to a stable code the UI can translate. Codes are part of the
 * public interface (README), zod's own codes are not.
 */
export function zodIssueToApiError(issue: z.core.$ZodIssue, prefix: (string | number)[] = []): ApiError {
  const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  const where = path.length ? `${path.join('.')}: ` : '';
  let code: ErrorCode = 'invalid';
  switch (issue.code) {
    case 'invalid_type':
      // zod leaves `input` out of issues by default; its message names what was received.
      code = /received undefined$/.test(issue.message) ? 'required' : 'invalid_type';
      break;
    case 'invalid_format':
      code = issue.format === 'email' ? 'invalid_email' : 'invalid_format';
      break;
    case 'too_small':
      code = 'too_small';
      break;
    case 'too_big':
      code = 'too_big';
      break;
    case 'unrecognized_keys':
      code = 'unknown_field';
      break;
    case 'invalid_value':
      code = 'invalid_value';
      break;
    case 'custom': {
      const params = issue.params as { code?: unknown } | undefined;
      // A schema's own code (validators.ts, refinements): only codes of the list pass.
      if (params && isErrorCode(params.code)) code = params.code;
      break;
    }
    default:
      code = 'invalid';
  }
  return { code, message: `${where}${issue.message}`, path };
}
