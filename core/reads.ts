import type { MethodName } from './contract';
import { ALL_TABLES, HISTORY_TABLE } from './result';

/**
 * Which planner tables each read method depends on. A window keeps its reads
 * (renderer/api/queries.ts) and refetches one only when a change reports a table
 * listed here (the service reports them from the undo log; see ApiResult.changed).
 * A read not listed refetches after every change. test/db/reads.test.ts checks each
 * list: emptying every table not named leaves the method's answer on the demo unchanged.
 */
const ROSTER = ['team', 'team_holiday', 'person', 'shift', 'shift_activity', 'shift_template', 'absence', 'absence_type', 'rotation', 'rotation_layer', 'layer_participant', 'rotation_pause', 'oncall_override'] as const;
const ONCALL = ['team', 'team_holiday', 'person', 'absence', 'absence_type', 'rotation', 'rotation_layer', 'layer_participant', 'rotation_pause', 'oncall_override'] as const;
const ABSENCES = ['team', 'team_holiday', 'person', 'absence', 'absence_type', 'absence_allowance', 'absence_audit', 'shift', 'shift_template'] as const;
const STAFFING = ['team', 'team_holiday', 'volume_interval', 'forecast_adjustment', 'channel_staffing', 'channel_hours', 'channel_hours_window'] as const;

export const READS: Partial<Record<MethodName, readonly string[]>> = {
  'app.info': [],
  'file.backups': [],
  'settings.get': ['setting'],
  'history.state': [HISTORY_TABLE],
  'team.list': ['team'],
  'person.list': ['team', 'person'],
  'person.get': ['person'],
  'person.preferences': ['person', 'person_preference', 'shift_template'],
  'template.list': ['team', 'shift_template'],
  'template.usage': ['team', 'shift', 'shift_template'],
  'pattern.list': ['team', 'pattern', 'shift_template'],
  'shift.list': ['team', 'person', 'shift', 'shift_activity', 'shift_template'],
  'roster.week': [...ROSTER, 'person_preference'],
  'roster.check': ROSTER,
  'roster.costs': ROSTER,
  'holiday.list': ['team', 'team_holiday'],
  'volume.daily': ['team', 'volume_interval'],
  'volume.weekly': ['team', 'volume_interval'],
  'forecast.run': STAFFING,
  'forecast.accuracy': STAFFING,
  'forecast.adjustments': ['team', 'forecast_adjustment'],
  'staffing.settings': STAFFING,
  'staffing.openingHours': ['team', 'channel_hours', 'channel_hours_window'],
  'coverage.range': [...ROSTER, ...STAFFING],
  'rotation.list': ONCALL,
  'oncall.overrides': ONCALL,
  'oncall.schedule': ONCALL,
  'oncall.layers': ONCALL,
  'oncall.fairness': ONCALL,
  'absenceType.list': ['team', 'absence_type'],
  'absence.list': ABSENCES,
  'absence.waiting': ['team', 'person', 'absence', 'absence_type'],
  'absence.history': ABSENCES,
  'absence.allowances': ABSENCES,
  'absence.balance': ABSENCES,
  'absence.stats': ABSENCES,
  'absence.day': [...ABSENCES, ...ROSTER],
  'absence.conflicts': [...ABSENCES, ...ROSTER],
  'caldav.list': ['team', 'caldav_target', 'caldav_published', 'person', 'rotation'],
  'hub.plan': [...ROSTER, ...STAFFING, 'absence_allowance'],
  'hub.status': ['team', 'hub_link', 'hub_request', 'absence'],
  // A waiting swap names its turns as the on-call schedule has them now.
  'hub.requests': ['hub_request', ...ONCALL],
};

/** Whether a change of `changed` tables can alter what `method` reads. */
export function readsChanged(method: MethodName, changed: readonly string[]): boolean {
  if (changed.length === 0) return false;
  if (changed.includes(ALL_TABLES)) return true;
  const reads = READS[method];
  if (!reads) return true;
  return changed.some((t) => reads.includes(t));
}
