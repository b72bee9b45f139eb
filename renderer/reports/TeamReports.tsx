import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Team } from '../../core/team';
import { useBuiltinNames } from '../i18n/useBuiltinNames';
import { accuracyByChannel, COLORS, serviceDays, teamCosts, type ReportData } from './reportFigures';
import { ExportButtons, FigureTable, ReportSection, type ExportReport } from './ReportSection';
import { useReportFormat } from './useReportFormat';

interface Props {
  team: Team;
  data: ReportData;
  onExport: ExportReport;
}

/** Labour cost per month against the monthly budget, and per week against its share. */
export function CostReport({ team, data, onExport }: Props) {
  const { t } = useTranslation();
  const { count, money, percent, monthName, dayName } = useReportFormat(team);
  const budget = team.rules.monthlyBudget;
  const teamWeeks = teamCosts(data.weeks);
  const teamMonths = teamCosts(data.months);
  return (
    <ReportSection
      id="cost"
      title={t('reports.costTitle')}
      summary={budget === null ? t('reports.noBudget') : t('reports.budget', { amount: money(budget) })}
      exports={<ExportButtons report="hours" by="month" onExport={onExport} />}
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
  );
}

/** The forecast methods' backtest error (WAPE) per channel, the chosen one ticked. */
export function AccuracyReport({ team, data, onExport }: Props) {
  const { t } = useTranslation();
  const names = useBuiltinNames();
  const { percent, percentTick } = useReportFormat(team);
  const methods = [...new Set(data.accuracy.map((a) => a.method))];
  return (
    <ReportSection id="accuracy" title={t('reports.accuracyTitle')} summary={t('reports.accuracySummary')} exports={<ExportButtons report="accuracy" onExport={onExport} />}>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={accuracyByChannel(team.skills, data.accuracy)}>
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
  );
}

/** The predicted service level per day and channel. */
export function ServiceReport({ team, data, onExport }: Props) {
  const { t } = useTranslation();
  const names = useBuiltinNames();
  const { percentTick, dayName } = useReportFormat(team);
  return (
    <ReportSection id="service" title={t('reports.serviceTitle')} summary={t('reports.serviceSummary')} exports={<ExportButtons report="service-level" onExport={onExport} />}>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={serviceDays(data.service)}>
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
  );
}
