import type { ParsedInput } from '../../core/contract';
import { coverageChunks } from '../../core/staffing';
import { absencesTable, absenceStatsTable, accuracyTable, exportDialect, hoursTable, onCallTable, serviceLevelTable, tableCsv, type ReportTable } from '../../core/report-tables';
import { fileSlug } from '../../core/text';
import type { HandlersOf, ServiceContext, StepsOf } from '../context';
import { settingsOf } from '../sql/settings';
import { writeXlsx } from '../xlsx';
import { absencesOver, absenceStatistics } from './absences';
import { rosterCosts } from './costs';
import { onCallFairness, standbyEntries } from './oncall-schedule';
import { coverageOf, forecastAccuracy } from './staffing';

/**
 * The table of a report and its file name without the ending. Its rows come from the query
 * functions the pages' reads call, so a report and its page agree.
 */
function reportOf(ctx: ServiceContext, input: ParsedInput<'report.export'>): { table: ReportTable; filename: string } {
  const team = ctx.requireTeam(input.teamId);
  const { from, to } = input;
  const base = `${fileSlug(team.name)}-${input.report}-${from}-${to}`;
  if (input.report === 'hours') return { table: hoursTable(team, rosterCosts(ctx, { teamId: team.id, from, to, by: input.by, calendar: input.calendar }), input.by), filename: base };
  if (input.report === 'oncall') {
    const pay = new Map<number, number>();
    for (const e of standbyEntries(ctx, team, from, to)) pay.set(e.personId, (pay.get(e.personId) ?? 0) + e.amount);
    return { table: onCallTable(team, onCallFairness(ctx, team, null, from, to), (id) => pay.get(id) ?? 0), filename: base };
  }
  if (input.report === 'absences') return { table: absencesTable(absencesOver(ctx.db, team, from, to, null, ['requested', 'approved'])), filename: base };
  if (input.report === 'absence-stats') return { table: absenceStatsTable(absenceStatistics(ctx.db, team, from, to)), filename: base };
  if (input.report === 'service-level') {
    const days = coverageChunks(from, to).flatMap((c) => coverageOf(ctx, team, null, c.from, c.to, 30).days);
    return { table: serviceLevelTable(days), filename: base };
  }
  return { table: accuracyTable(forecastAccuracy(ctx.db, team, from)), filename: base };
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
