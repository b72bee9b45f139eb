import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CostRow, MethodInput, MethodOutput } from '../../core/contract';
import type { AbsenceStatsRow } from '../../core/absence';
import type { FairnessRow } from '../../core/oncall';
import { coverageChunks, type CoverageDay } from '../../core/staffing';
import type { Team } from '../../core/team';
import { parsePlainDate, Temporal, todayIn } from '../../core/time';
import { monthKeyStart } from '../../core/calendar';
import { call, CallError } from '../api/client';
import { saveFile } from '../api/download';
import { useApiQueries, useApiQuery } from '../api/queries';
import { LoadError } from '../shell/LoadError';
import { useFormat } from '../format';
import { useBuiltinNames } from '../i18n/useBuiltinNames';
import { FormError } from '../shell/FormError';
import type { ApiError } from '../../core/errors';
import { DateRangeFields } from '../shell/DateRangeFields';
import { SeparatorSelect, useCsvDialect } from '../shell/SpreadsheetOptions';
import { AbsenceStatsTable } from '../absences/AbsenceStatsTable';

interface Props {
  team: Team;
}

type Report = MethodInput<'report.export'>['report'];

interface Data {
  weeks: CostRow[];
  months: CostRow[];
  fairness: FairnessRow[];
  absences: AbsenceStatsRow[];
  service: CoverageDay[];
  accuracy: MethodOutput<'forecast.accuracy'>;
}

const COLORS = ['#2457c5', '#c77700', '#2e7d32', '#8e24aa', '#00838f'];

/** Charts with a bar group per person: names on their own axis, each one shown whole (never every other one, never clipped). */
const CHART_MARGIN = { top: 4, right: 16, bottom: 4, left: 8 };
const peopleChartHeight = (people: number, barsPerPerson: number) => Math.max(160, 40 + people * (10 + 9 * barsPerPerson));
/** Wide enough for the longest name at the chart's font (about 8 px a character), within reason. */
const nameAxisWidth = (names: readonly string[]) => Math.min(260, 20 + 8 * Math.max(8, ...names.map((n) => n.length)));

/**
 * Reports for the lead and for payroll, over a chosen range (this month by default): hours
 * against contract, labour cost per week and month against the monthly budget, on-call load and
 * pay, absence statistics, the forecast's accuracy and the predicted service level per day. Each
 * has a chart (with its figures in a table for screen readers and print) and CSV / XLSX exports.
 */
export function ReportsPage({ team }: Props) {
  const { t } = useTranslation();
  const dialect = useCsvDialect();
  const fmt = useFormat();
  const names = useBuiltinNames();
  const today = todayIn(team.timeZone);
  const [from, setFrom] = useState(() => today.with({ day: 1 }).toString());
  const [to, setTo] = useState(() => today.with({ day: today.daysInMonth }).toString());
  const [error, setError] = useState<ApiError | null>(null);
  const a = parsePlainDate(from);
  const b = parsePlainDate(to);
  // A range being typed (half a date, or ending before it starts) reads nothing until it is whole.
  const range = a && b && Temporal.PlainDate.compare(a, b) <= 0 ? { teamId: team.id, from: a.toString(), to: b.toString() } : null;
  const weeksQuery = useApiQuery('roster.costs', range && { ...range, by: 'week' });
  // Months of the screen's calendar: a Solar Hijri screen sums Azar, not November.
  const monthsQuery = useApiQuery('roster.costs', range && { ...range, by: 'month', calendar: fmt.calendar });
  const fairnessQuery = useApiQuery('oncall.fairness', range && { ...range, rotationId: null });
  const absencesQuery = useApiQuery('absence.stats', range);
  const serviceQuery = useApiQueries('coverage.range', range && coverageChunks(range.from, range.to).map((c) => ({ teamId: team.id, channel: null, ...c })));
  const accuracyQuery = useApiQuery('forecast.accuracy', range && { teamId: team.id, from: range.from });
  const queries = [weeksQuery, monthsQuery, fairnessQuery, absencesQuery, serviceQuery, accuracyQuery];
  const data: Data | null =
    weeksQuery.data && monthsQuery.data && fairnessQuery.data && absencesQuery.data && serviceQuery.data && accuracyQuery.data
      ? {
          weeks: weeksQuery.data,
          months: monthsQuery.data,
          fairness: fairnessQuery.data,
          absences: absencesQuery.data,
          service: serviceQuery.data.flatMap((p) => p.days),
          accuracy: accuracyQuery.data,
        }
      : null;

  async function exportReport(report: Report, format: 'csv' | 'xlsx', by: 'week' | 'month' = 'week') {
    try {
      saveFile(await call('report.export', { teamId: team.id, report, from, to, by, calendar: fmt.calendar, format, csv: dialect }));
    } catch (err) {
      if (err instanceof CallError) setError(err.error);
      else throw err;
    }
  }

  // The hours report is the labour cost too, per week or per month: the button says which.
  const reportName = (report: Report, by: 'week' | 'month') => t(`reports.reportName.${report === 'hours' && by === 'month' ? 'hoursMonth' : report}`);
  const exports = (report: Report, by: 'week' | 'month' = 'week') => (
    <div className="toolbar">
      {/* Each button says which report it exports: a section can offer two. */}
      <button type="button" onClick={() => void exportReport(report, 'csv', by)}>
        {t('reports.exportAs', { report: reportName(report, by), format: 'CSV' })}
      </button>
      <button type="button" onClick={() => void exportReport(report, 'xlsx', by)}>
        {t('reports.exportAs', { report: reportName(report, by), format: 'Excel' })}
      </button>
    </div>
  );

  const budget = team.rules.monthlyBudget;
  const money = (x: number) => fmt.money(x, team.currency);
  const count = (x: unknown) => fmt.number(Number(x));
  const percent = new Intl.NumberFormat(fmt.locale, { style: 'percent', maximumFractionDigits: 1 });
  const percentTick = (x: unknown) => percent.format(Number(x) / 100);
  // Cost months are the screen calendar's months ("1405-09" on a Solar Hijri screen), named by their first day.
  const monthName = (period: unknown) => {
    const first = monthKeyStart(String(period), fmt.calendar);
    return first ? fmt.month(first) : String(period);
  };
  const dayName = (day: unknown) => fmt.dayMonth(String(day));
  const people = data ? data.weeks.filter((c) => c.personId !== null) : [];
  // Against what the contract expects of the days shown, leave and days outside employment taken off (as the rule counts).
  const hoursPerPerson = [...new Set(people.map((c) => c.personId))].map((id) => {
    const rows = people.filter((c) => c.personId === id);
    const sum = (k: 'paidMinutes' | 'expectedMinutes') => Math.round((rows.reduce((s, r) => s + r[k], 0) / 60) * 10) / 10;
    return { name: rows[0]?.personName ?? '', paid: sum('paidMinutes'), contract: sum('expectedMinutes') };
  });
  const teamWeeks = data ? data.weeks.filter((c) => c.personId === null).map((c) => ({ period: c.period, cost: c.cost })) : [];
  const teamMonths = data ? data.months.filter((c) => c.personId === null).map((c) => ({ period: c.period, cost: c.cost })) : [];
  const standbyOf = new Map<number, number>();
  for (const c of people) standbyOf.set(c.personId ?? 0, (standbyOf.get(c.personId ?? 0) ?? 0) + c.standby);
  const serviceDays = data ? [...new Set(data.service.map((d) => d.day))].map((day) => Object.fromEntries([['day', day], ...(data.service.filter((d) => d.day === day && d.serviceLevel !== null).map((d) => [d.channel, Math.round((d.serviceLevel ?? 0) * 1000) / 10]) as [string, number][])])) : [];
  const methods = data ? [...new Set(data.accuracy.map((a) => a.method))] : [];
  const accuracyByChannel = data ? team.skills.map((channel) => Object.fromEntries([['channel', channel], ...data.accuracy.filter((a) => a.channel === channel).map((a) => [a.method, Math.round(a.wape * 1000) / 10])])) : [];

  return (
    <section className="card reports" aria-labelledby="reports-title">
      <div className="toolbar">
        <h2 id="reports-title">{t('reports.title')}</h2>
        <DateRangeFields from={from} to={to} onFrom={setFrom} onTo={setTo} labels={{ from: t('reports.from'), to: t('reports.to') }} weekStart={team.weekStart} />
        <SeparatorSelect />
      </div>
      <FormError error={error} fieldCount={0} />
      <LoadError errors={queries.map((q) => q.error)} />
      {data && (
        <>
          <ReportSection id="hours" title={t('reports.hoursTitle')} summary={t('reports.hoursSummary', { people: hoursPerPerson.length })} exports={exports('hours')}>
            <ResponsiveContainer width="100%" height={peopleChartHeight(hoursPerPerson.length, 2)}>
              <BarChart data={hoursPerPerson} layout="vertical" margin={CHART_MARGIN}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" tickFormatter={count} />
                <YAxis type="category" dataKey="name" width={nameAxisWidth(hoursPerPerson.map((h) => h.name))} interval={0} />
                <Tooltip formatter={(v) => fmt.number(Number(v), 1)} />
                <Legend />
                <Bar dataKey="paid" name={t('reports.paidHours')} fill={COLORS[0]} isAnimationActive={false} />
                <Bar dataKey="contract" name={t('reports.contractHours')} fill={COLORS[1]} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
            <FigureTable head={[t('roster.person'), t('reports.paidHours'), t('reports.contractHours')]} rows={hoursPerPerson.map((h) => [h.name, fmt.number(h.paid, 1), fmt.number(h.contract, 1)])} />
          </ReportSection>

          <ReportSection
            id="cost"
            title={t('reports.costTitle')}
            summary={budget === null ? t('reports.noBudget') : t('reports.budget', { amount: money(budget) })}
            exports={
              <>
                {exports('hours', 'month')}
              </>
            }
          >
            <ResponsiveContainer width="100%" height={220}>
              <BarChart data={teamMonths}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="period" tickFormatter={monthName} />
                <YAxis tickFormatter={count} width={80} />
                <Tooltip formatter={(v) => money(Number(v))} labelFormatter={monthName} />
                <Bar dataKey="cost" name={t('reports.monthCost')} fill={COLORS[0]} isAnimationActive={false} />
                {budget !== null && <ReferenceLine y={budget} stroke="#000" strokeDasharray="6 3" label={t('reports.budgetLine')} />}
              </BarChart>
            </ResponsiveContainer>
            <ResponsiveContainer width="100%" height={200}>
              <BarChart data={teamWeeks}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="period" tickFormatter={dayName} />
                <YAxis tickFormatter={count} width={80} />
                <Tooltip formatter={(v) => money(Number(v))} labelFormatter={dayName} />
                <Bar dataKey="cost" name={t('reports.weekCost')} fill={COLORS[2]} isAnimationActive={false} />
                {/* A month's budget spread over its weeks: 12 months in 52 weeks. */}
                {budget !== null && <ReferenceLine y={(budget * 12) / 52} stroke="#000" strokeDasharray="6 3" label={t('reports.weekBudgetLine')} />}
              </BarChart>
            </ResponsiveContainer>
            <FigureTable
              head={[t('reports.period'), t('reports.cost'), t('reports.againstBudget')]}
              rows={teamMonths.map((m) => [monthName(m.period), money(m.cost), budget === null ? '—' : percent.format(m.cost / Math.max(1, budget))])}
            />
          </ReportSection>

          <ReportSection id="oncall" title={t('reports.onCallTitle')} summary={t('reports.onCallSummary', { people: data.fairness.length })} exports={exports('oncall')}>
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

          <ReportSection id="absence" title={t('reports.absenceTitle')} summary={t('reports.absenceSummary')} exports={
            <>
              {exports('absence-stats')}
              {exports('absences')}
            </>
          }>
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

          <ReportSection id="accuracy" title={t('reports.accuracyTitle')} summary={t('reports.accuracySummary')} exports={exports('accuracy')}>
            <ResponsiveContainer width="100%" height={220}>
              <BarChart data={accuracyByChannel}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="channel" tickFormatter={names.channel} />
                <YAxis tickFormatter={percentTick} />
                <Tooltip formatter={percentTick} />
                <Legend />
                {methods.map((m, i) => (
                  <Bar key={m} dataKey={m} name={t(`forecast.methods.${m}`)} fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
                ))}
              </BarChart>
            </ResponsiveContainer>
            <FigureTable head={[t('reports.channel'), t('reports.method'), t('reports.wape')]} rows={data.accuracy.map((a) => [names.channel(a.channel), `${t(`forecast.methods.${a.method}`)}${a.chosen ? ' ✓' : ''}`, percent.format(a.wape)])} />
          </ReportSection>

          <ReportSection id="service" title={t('reports.serviceTitle')} summary={t('reports.serviceSummary')} exports={exports('service-level')}>
            <ResponsiveContainer width="100%" height={240}>
              <LineChart data={serviceDays}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="day" tickFormatter={dayName} />
                <YAxis tickFormatter={percentTick} domain={[0, 100]} />
                <Tooltip formatter={percentTick} labelFormatter={dayName} />
                <Legend />
                {team.skills.map((channel, i) => (
                  <Line key={channel} dataKey={channel} name={names.channel(channel)} stroke={COLORS[i % COLORS.length]} strokeDasharray={i ? `${4 + 2 * i} 3` : undefined} dot={false} isAnimationActive={false} />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </ReportSection>
        </>
      )}
    </section>
  );
}

function ReportSection({ id, title, summary, exports, children }: { id: string; title: string; summary: string; exports: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={`report-${id}`} className="report">
      <h3 id={`report-${id}`}>{title}</h3>
      <p className="muted small">{summary}</p>
      {children}
      {exports}
    </section>
  );
}

/** The chart's figures as a table: what a screen reader reads and what prints. */
function FigureTable({ head, rows }: { head: string[]; rows: string[][] }) {
  return (
    <table className="figures-table">
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, j) => (j === 0 ? <th key={j} scope="row">{c}</th> : <td key={j}>{c}</td>))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
