import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/errors';
import { coverageChunks } from '../../core/staffing';
import type { Team } from '../../core/team';
import { parsePlainDate, Temporal, todayIn } from '../../core/time';
import { call, CallError } from '../api/client';
import { saveFile } from '../api/download';
import { useApiQueries, useApiQuery } from '../api/queries';
import { useFormat } from '../format';
import { DateRangeFields } from '../shell/DateRangeFields';
import { FormError } from '../shell/FormError';
import { LoadError } from '../shell/LoadError';
import { SeparatorSelect, useCsvDialect } from '../shell/SpreadsheetOptions';
import { AbsenceReport, HoursReport, OnCallReport } from './PeopleReports';
import type { ReportData } from './reportFigures';
import type { ExportReport, Report } from './ReportSection';
import { AccuracyReport, CostReport, ServiceReport } from './TeamReports';

interface Props {
  team: Team;
}

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
  const data: ReportData | null =
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
  const onExport: ExportReport = (report, format, by) => void exportReport(report, format, by);

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
          <HoursReport team={team} data={data} onExport={onExport} />
          <CostReport team={team} data={data} onExport={onExport} />
          <OnCallReport team={team} data={data} onExport={onExport} />
          <AbsenceReport team={team} data={data} onExport={onExport} />
          <AccuracyReport team={team} data={data} onExport={onExport} />
          <ServiceReport team={team} data={data} onExport={onExport} />
        </>
      )}
    </section>
  );
}
