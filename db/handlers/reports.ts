import type { ParsedInput, ReportKind } from '../../core/contract';
import { coverageChunks } from '../../core/staffing';
import { absencesTable, absenceStatsTable, accuracyTable, exportDialect, hoursTable, onCallTable, serviceLevelTable, tableCsv, type ReportTable } from '../../core/report-tables';
import type { Team } from '../../core/team';
import { fileSlug } from '../../core/text';
import type { HandlersOf, ServiceContext, StepsOf } from '../context';
import { settingsOf } from '../sql/settings';
import { writeXlsx } from '../xlsx';
import { absencesOver, absenceStatistics } from './absences';
import { rosterCosts } from './costs';
import { onCallFairness, standbyEntries } from './oncall-schedule';
import { coverageOf, forecastAccuracy } from './staffing';

type ReportInput = ParsedInput<'report.export'>;

/**
 * Each report's table, by its kind. A Record over the contract's ReportKind, so a report added to
 * the contract without its table here fails the type check instead of exporting another's.
 * Its rows come from the query functions the pages' reads call, so a report and its page agree.
 */
const TABLES: Record<ReportKind, (ctx: ServiceContext, team: Team, input: ReportInput) => ReportTable> = {
  hours: (ctx, team, { from, to, by, calendar }) => hoursTable(team, rosterCosts(ctx, { teamId: team.id, from, to, by, calendar }), by),
  oncall: (ctx, team, { from, to }) => {
    const pay = new Map<number, number>();
    for (const e of standbyEntries(ctx, team, from, to)) pay.set(e.personId, (pay.get(e.personId) ?? 0) + e.amount);
    return onCallTable(team, onCallFairness(ctx, team, null, from, to), (id) => pay.get(id) ?? 0);
  },
  absences: (ctx, team, { from, to }) => absencesTable(absencesOver(ctx.db, team, from, to, null, ['requested', 'approved'])),
  'absence-stats': (ctx, team, { from, to }) => absenceStatsTable(absenceStatistics(ctx.db, team, from, to)),
  'service-level': (ctx, team, { from, to }) => serviceLevelTable(coverageChunks(from, to).flatMap((c) => coverageOf(ctx, team, null, c.from, c.to, 30).days)),
  accuracy: (ctx, team, { from }) => accuracyTable(forecastAccuracy(ctx.db, team, from)),
};

/** The table of a report and its file name without the ending. */
function reportOf(ctx: ServiceContext, input: ReportInput): { table: ReportTable; filename: string } {
  const team = ctx.requireTeam(input.teamId);
  return { table: TABLES[input.report](ctx, team, input), filename: `${fileSlug(team.name)}-${input.report}-${input.from}-${input.to}` };
}

/** Report spreadsheets: CSV in the call; XLSX written after the read (exceljs is asynchronous). */
export function reportHandlers(ctx: ServiceContext): HandlersOf<'report.export'> {
  return {
    'report.export': (input) => {
      const { table, filename } = reportOf(ctx, input);
      const dialect = exportDialect(input.csv, settingsOf(ctx.db), ctx.requireTeam(input.teamId));
      return { filename: `${filename}.csv`, mime: 'text/csv; charset=utf-8', encoding: 'utf8' as const, data: tableCsv(table, dialect), rows: table.rows.length };
    },
  };
}

export function reportSteps(ctx: ServiceContext): StepsOf<'report.export'> {
  return {
    'report.export': {
      when: (input) => input.format === 'xlsx',
      finish: async (input, tools) => {
        tools.clearMemo();
        const { table, filename } = tools.transaction(() => reportOf(ctx, input));
        const bytes = await writeXlsx(table.title, [table.header, ...table.rows]);
        return { ok: true, value: { filename: `${filename}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', encoding: 'base64', data: bytes.toString('base64'), rows: table.rows.length } };
      },
    },
  };
}
