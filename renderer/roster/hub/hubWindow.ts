import type { Team } from '../../../core/team';
import { startOfWeek, todayIn, type Temporal } from '../../../core/time';

/**
 * The days a publish to the hub covers unless the lead picks others: last week, this week and
 * the five after it. The hub shows an agent a week back and five weeks ahead of the moment they
 * look (hub/server.ts), so this covers every day an agent can see until next week's publish,
 * whatever day of this week it is.
 */
export function defaultHubWindow(team: Pick<Team, 'timeZone' | 'weekStart'>, today: Temporal.PlainDate = todayIn(team.timeZone)): { from: string; to: string } {
  const thisWeek = startOfWeek(today, team.weekStart);
  return { from: thisWeek.subtract({ weeks: 1 }).toString(), to: thisWeek.add({ weeks: 6 }).subtract({ days: 1 }).toString() };
}
