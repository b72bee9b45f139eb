/** Where a command writes; tests pass buffers, the bin passes the process streams. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** Bad usage (exit 2): unknown command or flag, missing argument. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly help: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT_OK = 0;
export const EXIT_USER_ERROR = 1;
export const EXIT_USAGE = 2;
