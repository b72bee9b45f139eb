import { sql as initial } from './001_initial';
import { sql as absences } from './002_absences';
import { sql as scheduling } from './003_scheduling';
import { sql as openingHours } from './004_opening_hours';
import { sql as holidays } from './005_holidays';
import { sql as abandonment } from './006_abandonment';
import { sql as caldavEtags } from './007_caldav_etags';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Numbered, append-only: a released migration is never edited, only followed by a new one. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'absences', sql: absences },
  { version: 3, name: 'scheduling', sql: scheduling },
  { version: 4, name: 'opening hours', sql: openingHours },
  { version: 5, name: 'holidays', sql: holidays },
  { version: 6, name: 'abandonment', sql: abandonment },
  { version: 7, name: 'calendar server tags', sql: caldavEtags },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
