import { sql as initial } from './001_initial';
import { sql as absences } from './002_absences';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Numbered, append-only: a released migration is never edited, only followed by a new one. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'absences', sql: absences },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
