/**
 * Auto-scheduling: the model the solver works on and what is done around it
 * (a greedy draft to fall back on, naming people from a grouped model's counts,
 * evening out weekends, nights and holidays, steadier start times). Each part is
 * its own module under schedule/; this one keeps the old import path.
 */
export type { BuiltModel, Candidate, ContractRow, DayChoice, FixedShift, FlowArc, ScheduleInput, SchedulePerson, ScheduleTemplate, ShiftSpan, Unit } from './schedule/types';
export { paidHours, workShare, coverageGaps, type CoverageGap } from './schedule/spans';
export { buildScheduleModel, contractSlackCost, cheaper, countsIn, rosterCost, scheduleUnits, UNDER_WEIGHT, type BuildOptions, type RosterCost } from './schedule/model';
export { greedyAssignment } from './schedule/greedy';
export { disaggregate, NAMING_ORDERS, type NamingOrder } from './schedule/naming';
export { fairnessLoad, spreadFairly } from './schedule/fairness';
export { startSpreadMinutes, steadyStarts } from './schedule/steady-starts';
