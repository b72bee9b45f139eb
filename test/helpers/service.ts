import { Temporal } from 'temporal-polyfill';
import { openPlanner } from '../../db/open';
import { createService, type Service } from '../../db/service';
import { tempFile } from './tmp';

/** A noon instant in Istanbul, so demo data and stamps are reproducible. */
export const FIXED_NOW = Temporal.Instant.from('2026-11-22T09:00:00Z');

export function freshService(file = tempFile()): Service {
  return createService(openPlanner(file), { appVersion: 'test', now: () => FIXED_NOW });
}
