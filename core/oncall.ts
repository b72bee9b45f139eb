/**
 * On-call schedules, PagerDuty-style. A rotation has layers; a layer has an
 * ordered list of participants who take turns of a fixed length (hours, days or
 * weeks) from a start, handing off at a local time (and weekday, for weekly
 * turns). Restrictions limit when a layer covers (e.g. weekdays 18:00–09:00
 * and whole weekends); outside them the layer has nobody. Higher layers win
 * where they cover; overrides win over all. The final schedule for a range is a
 * list of non-overlapping blocks; nobody is on call in the gaps.
 *
 * Day and week turns follow the local clock: a daily 09:00 handoff stays at
 * 09:00 across a DST change, so that turn lasts 23 or 25 hours.
 *
 * Each part is its own module under oncall/; this one keeps the old import path.
 */
export { restrictionWindows, Restriction, turnIndex, turnStart, TurnUnit, type Availability, type OnCallBlock, type OnCallLayer, type OnCallOverride, type Pause } from './oncall/layer';
export { assignTurns } from './oncall/turns';
export { finalSchedule, layerSchedules, type ScheduleOptions } from './oncall/final-schedule';
export { CONFLICT_DAYS, LayerBlock, LayerInput, localDateTime, Override, Rotation, RotationSaved, ScheduleBlock, type PersonSpan } from './oncall/rotation';
export { AllowanceInput, fairness, FairnessRow, standbyPay, type Allowance } from './oncall/load';
