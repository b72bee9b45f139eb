import type { Team } from '../../core/team';
// In the order App always imported them: their style sheets (the calendar's, on-call's, the
// forecast's) are bundled in this order, and a later sheet wins ties over an earlier one.
import { TicketHistory } from '../history/TicketHistory';
import { CalendarPage } from '../calendar/CalendarPage';
import { OnCallPage } from '../oncall/OnCallPage';
import { AbsencesPage } from '../absences/AbsencesPage';
import { ForecastPage } from '../forecast/ForecastPage';
import { ReportsPage } from '../reports/ReportsPage';
import { RosterPage } from '../roster/RosterPage';
import { TemplatesPanel } from '../roster/TemplatesPanel';
import { PeoplePanel } from '../team/PeoplePanel';
import { TeamForm } from '../team/TeamForm';
import { HolidaysPanel } from '../team/HolidaysPanel';
import { FilePage } from '../file/FilePage';

/** The pages of the tab bar, in its order. */
export const VIEWS = ['roster', 'calendar', 'oncall', 'absences', 'forecast', 'reports', 'people', 'templates', 'team', 'history', 'file'] as const;
export type View = (typeof VIEWS)[number];

/** The page of one tab for a team. `onTeamSaved` says that the team's settings were saved. */
export function ViewPage({ view, team, onTeamSaved }: { view: View; team: Team; onTeamSaved(): void }) {
  return (
    <>
      {view === 'roster' && <RosterPage team={team} />}
      {view === 'calendar' && <CalendarPage team={team} />}
      {view === 'oncall' && <OnCallPage team={team} />}
      {view === 'absences' && <AbsencesPage team={team} />}
      {view === 'forecast' && <ForecastPage team={team} />}
      {view === 'people' && <PeoplePanel team={team} />}
      {view === 'templates' && <TemplatesPanel team={team} />}
      {view === 'team' && (
        <>
          <TeamForm key={JSON.stringify(team)} team={team} onSaved={onTeamSaved} />
          <HolidaysPanel team={team} />
        </>
      )}
      {view === 'history' && <TicketHistory team={team} />}
      {view === 'reports' && <ReportsPage team={team} />}
      {view === 'file' && <FilePage />}
    </>
  );
}
