import { sql as initial } from './001_initial';
import { sql as absences } from './002_absences';
import { sql as scheduling } from './003_scheduling';
import { sql as openingHours } from './004_opening_hours';
import { sql as holidays } from './005_holidays';
import { sql as abandonment } from './006_abandonment';
import { sql as caldavEtags } from './007_caldav_etags';
import { sql as hub } from './008_hub';

import type { Database } from 'better-sqlite3';

/**
 * One schema version's step: SQL, or a function of the database for a change SQL alone cannot
 * make (rewriting stored JSON, splitting a column by rules in code), as Signal keeps one function
 * per version. Either way it runs inside the one migration transaction, after the backup copy.
 */
export type Migration = { version: number; name: string } & ({ sql: string; up?: never } | { up: (db: Database) => void; sql?: never });

/** Numbered, append-only: a released migration is never edited, only followed by a new one. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'absences', sql: absences },
  { version: 3, name: 'scheduling', sql: scheduling },
  { version: 4, name: 'opening hours', sql: openingHours },
  { version: 5, name: 'holidays', sql: holidays },
  { version: 6, name: 'abandonment', sql: abandonment },
  { version: 7, name: 'calendar server tags', sql: caldavEtags },
  { version: 8, name: 'department hub', sql: hub },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
