import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './io';

/** One command of the CLI: its usage line and summary (for help), its flags, how many arguments it takes, and what it does. */

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface Command {
  usage: string;
  summary: string;
  options: Options;
  positionals: number;
  run(args: { values: Record<string, string | boolean | undefined>; positionals: string[] }, io: CliIo): Promise<number> | number;
}
