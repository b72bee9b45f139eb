import type { z } from 'zod';

/**
 * The one error shape every transport answers with (IPC, HTTP, CLI, tests).
 * `path` points into the input that was refused, so a form can put the message
 * next to the right field; `lines` carries per-line problems of a file import.
 */
export interface ApiError {
  code: string;
  message: string;
  path: (string | number)[];
  lines?: LineProblem[];
  /** Further problems with the same input, so a form can mark every bad field at once. */
  issues?: FieldProblem[];
}

export interface FieldProblem {
  code: string;
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
  readonly code: string;
  readonly path: (string | number)[];
  readonly lines: LineProblem[] | undefined;
  constructor(code: string, message: string, path: (string | number)[] = [], lines?: LineProblem[]) {
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
  let code = 'invalid';
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
      if (params && typeof params.code === 'string') code = params.code;
      break;
    }
    default:
      code = 'invalid';
  }
  return { code, message: `${where}${issue.message}`, path };
}
