import { sql as initial } from './001_initial';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Numbered, append-only: a released migration is never edited, only followed by a new one. */
export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'initial', sql: initial }];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
