import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Team } from '../../core/team';
import { AbsenceStatsTable } from '../absences/AbsenceStatsTable';
import { CHART_MARGIN, COLORS, hoursPerPerson, nameAxisWidth, peopleChartHeight, standbyByPerson, type ReportData } from './reportFigures';
import { ExportButtons, FigureTable, ReportSection, type ExportReport } from './ReportSection';
import { useReportFormat } from './useReportFormat';

interface Props {
  team: Team;
  data: ReportData;
  onExport: ExportReport;
}

/** Paid hours against contract, per person. */
export function HoursReport({ team, data, onExport }: Props) {
  const { t } = useTranslation();
  const { fmt, count } = useReportFormat(team);
  const hours = hoursPerPerson(data.weeks.filter((c) => c.personId !== null));
  return (
    <ReportSection id="hours" title={t('reports.hoursTitle')} summary={t('reports.hoursSummary', { people: hours.length })} exports={<ExportButtons report="hours" onExport={onExport} />}>
      <ResponsiveContainer width="100%" height={peopleChartHeight(hours.length, 2)}>
        <BarChart data={hours} layout="vertical" margin={CHART_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" tickFormatter={count} />
          <YAxis type="category" dataKey="name" width={nameAxisWidth(hours.map((h) => h.name))} interval={0} />
          <Tooltip formatter={(v) => fmt.number(Number(v), 1)} />
          <Legend />
          <Bar dataKey="paid" name={t('reports.paidHours')} fill={COLORS[0]} isAnimationActive={false} />
          <Bar dataKey="contract" name={t('reports.contractHours')} fill={COLORS[1]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      <FigureTable head={[t('roster.person'), t('reports.paidHours'), t('reports.contractHours')]} rows={hours.map((h) => [h.name, fmt.number(h.paid, 1), fmt.number(h.contract, 1)])} />
    </ReportSection>
  );
}

/** On-call load per person (hours, nights, weekend days, holidays) and the standby allowance it earns. */
export function OnCallReport({ team, data, onExport }: Props) {
  const { t } = useTranslation();
  const { fmt, count, money } = useReportFormat(team);
  const standbyOf = standbyByPerson(data.weeks.filter((c) => c.personId !== null));
  return (
    <ReportSection id="oncall" title={t('reports.onCallTitle')} summary={t('reports.onCallSummary', { people: data.fairness.length })} exports={<ExportButtons report="oncall" onExport={onExport} />}>
      <ResponsiveContainer width="100%" height={peopleChartHeight(data.fairness.length, 3)}>
        <BarChart data={data.fairness.map((f) => ({ name: f.person, hours: Math.round(f.hours * 10) / 10, nights: f.nights, weekend: f.weekendDays }))} layout="vertical" margin={CHART_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" tickFormatter={count} />
          <YAxis type="category" dataKey="name" width={nameAxisWidth(data.fairness.map((f) => f.person))} interval={0} />
          <Tooltip formatter={(v) => fmt.number(Number(v), 1)} />
          <Legend />
          <Bar dataKey="hours" name={t('reports.onCallHours')} fill={COLORS[0]} isAnimationActive={false} />
          <Bar dataKey="nights" name={t('reports.nights')} fill={COLORS[1]} isAnimationActive={false} />
          <Bar dataKey="weekend" name={t('reports.weekendDays')} fill={COLORS[2]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      <FigureTable
        head={[t('roster.person'), t('reports.onCallHours'), t('reports.nights'), t('reports.weekendDays'), t('reports.holidays'), t('reports.allowance')]}
        rows={data.fairness.map((f) => [f.person, fmt.number(f.hours, 1), fmt.number(f.nights), fmt.number(f.weekendDays), fmt.number(f.holidays), money(standbyOf.get(f.personId) ?? 0)])}
      />
    </ReportSection>
  );
}

/** Absence rate per person, with the statistics table. */
export function AbsenceReport({ team, data, onExport }: Props) {
  const { t } = useTranslation();
  const { percentTick } = useReportFormat(team);
  return (
    <ReportSection
      id="absence"
      title={t('reports.absenceTitle')}
      summary={t('reports.absenceSummary')}
      exports={
        <>
          <ExportButtons report="absence-stats" onExport={onExport} />
          <ExportButtons report="absences" onExport={onExport} />
        </>
      }
    >
      <ResponsiveContainer width="100%" height={peopleChartHeight(data.absences.length - 1, 1)}>
        <BarChart data={data.absences.filter((a) => a.personId !== null).map((a) => ({ name: a.personName, rate: Math.round(a.rate * 1000) / 10 }))} layout="vertical" margin={CHART_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" tickFormatter={percentTick} />
          <YAxis type="category" dataKey="name" width={nameAxisWidth(data.absences.map((a) => a.personName))} interval={0} />
          <Tooltip formatter={percentTick} />
          <Bar dataKey="rate" name={t('reports.absenceRate')} fill={COLORS[3]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      <AbsenceStatsTable rows={data.absences} caption={t('absences.stats')} />
    </ReportSection>
  );
}
