import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../core/contract';

export type Report = MethodInput<'report.export'>['report'];
export type ExportReport = (report: Report, format: 'csv' | 'xlsx', by?: 'week' | 'month') => void;

/** One report: its heading and summary, its chart and figures, then its export buttons. */
export function ReportSection({ id, title, summary, exports, children }: { id: string; title: string; summary: string; exports: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={`report-${id}`} className="report">
      <h3 id={`report-${id}`}>{title}</h3>
      <p className="muted small">{summary}</p>
      {children}
      {exports}
    </section>
  );
}

/** A report's CSV and Excel buttons, each saying which report it exports: a section can offer two. */
export function ExportButtons({ report, by = 'week', onExport }: { report: Report; by?: 'week' | 'month'; onExport: ExportReport }) {
  const { t } = useTranslation();
  // The hours report is the labour cost too, per week or per month: the button says which.
  const reportName = t(`reports.reportName.${report === 'hours' && by === 'month' ? 'hoursMonth' : report}`);
  return (
    <div className="toolbar">
      {/* Each button says which report it exports: a section can offer two. */}
      <button type="button" onClick={() => onExport(report, 'csv', by)}>
        {t('reports.exportAs', { report: reportName, format: 'CSV' })}
      </button>
      <button type="button" onClick={() => onExport(report, 'xlsx', by)}>
        {t('reports.exportAs', { report: reportName, format: 'Excel' })}
      </button>
    </div>
  );
}

/** The chart's figures as a table: what a screen reader reads and what prints. */
export function FigureTable({ head, rows }: { head: string[]; rows: string[][] }) {
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
