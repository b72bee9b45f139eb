import { memo, useDeferredValue, useEffect, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { RosterWeek } from '../../core/contract';
import type { Team } from '../../core/team';
import type { ShiftTemplate } from '../../core/template';
import { useFormat } from '../format';
import { useAbsenceTypeName, useBuiltinNames } from '../i18n/useBuiltinNames';
import { byCell, cellKey, weekHoursText } from './cells';

export type PaperSize = 'A4' | 'A3';

/**
 * The week the printed rota shows. It is every person (a wall rota of 1 000 rows), so it follows the
 * screen a moment later (useDeferredValue): a new week's grid is painted first, and the print table
 * renders after, in pieces the keyboard can interrupt. When printing starts (Ctrl+P, the Print
 * button, Save as PDF: each fires beforeprint) it is brought up to date at once.
 */
export function usePrintedWeek(week: RosterWeek | null): RosterWeek | null {
  const later = useDeferredValue(week);
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing ? week : later;
}

interface Props {
  team: Team;
  week: RosterWeek;
  templates: readonly ShiftTemplate[];
  paper: PaperSize;
}

/**
 * The printed weekly rota for the wall: team and week, people × days with codes and times,
 * public holidays, absences, an on-call row, weekly hours and a legend. It lives beside the app
 * (a portal on <body>) and only print media show it, so Ctrl+P in a browser and the app's Print
 * both give this page. Black-and-white safe: codes, words and line styles carry the meaning,
 * never colour alone. The header row repeats on every page; Persian prints right to left.
 */
export const PrintRota = memo(function PrintRota({ team, week, templates, paper }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useBuiltinNames();
  const typeName = useAbsenceTypeName(team.id);
  const days = week.days.map((d) => d.day);
  const shiftsByCell = byCell(week.shifts);
  const uncovered = new Set(week.uncovered);
  const awayOf = new Map(week.absences.map((a) => [cellKey(a.personId, a.day), a]));
  const usedCodes = new Set(week.shifts.map((s) => s.code));
  const legend = templates.filter((tp) => usedCodes.has(tp.code));
  const lastDay = days.at(-1) ?? week.weekStart;

  return createPortal(
    <div className="print-root" aria-hidden="true">
      {/* The paper the lead chose; Chromium's print and Electron's printToPDF both honour @page. */}
      <style>{`@page { size: ${paper} landscape; margin: 10mm; }`}</style>
      <header className="print-head">
        <h1>{team.name}</h1>
        <p>
          {t('print.week', { from: fmt.day(week.weekStart), to: fmt.day(lastDay) })}
          <span className="print-stamp">{t('print.printed', { date: fmt.day(new Date().toISOString().slice(0, 10)) })}</span>
        </p>
      </header>
      <table className="print-rota">
        <thead>
          <tr>
            <th scope="col">{t('roster.person')}</th>
            {week.days.map((d) => (
              <th scope="col" key={d.day} className={d.holiday ? 'holiday' : undefined}>
                {fmt.weekday(d.day)} {fmt.dayMonth(d.day)}
                {d.holiday && (
                  <span className="holiday-name">
                    ★ {d.holiday}
                    {d.halfHoliday && ` (${t('roster.halfHoliday')})`}
                  </span>
                )}
              </th>
            ))}
            <th scope="col">{t('roster.hours')}</th>
          </tr>
        </thead>
        <tbody>
          {week.people.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.name}</th>
              {days.map((day) => {
                const away = awayOf.get(cellKey(p.id, day));
                return (
                  <td key={day}>
                    {(shiftsByCell.get(cellKey(p.id, day)) ?? []).map((s) => (
                      <span key={s.id} className={uncovered.has(s.id) ? 'print-shift uncovered' : 'print-shift'}>
                        <strong>{s.code ?? '•'}</strong> <span dir="ltr">{fmt.clockRange(s.startLocal, s.endLocal)}</span>
                      </span>
                    ))}
                    {away && (
                      <span className={`print-away ${away.status}`}>
                        {away.status === 'requested' ? '? ' : ''}
                        {typeName(away.typeName)}
                        {away.hours !== null ? ` ${fmt.number(away.hours, 2)} h` : ''}
                      </span>
                    )}
                  </td>
                );
              })}
              <td className="print-hours">{weekHoursText(t, fmt.number, p)}</td>
            </tr>
          ))}
          {week.onCall.length > 0 && (
            <tr className="print-oncall">
              <th scope="row">☎ {t('roster.onCallRow')}</th>
              {days.map((day) => (
                <td key={day}>
                  {week.onCall
                    .filter((o) => o.day === day)
                    .map((o) => (
                      <span key={`${o.rotation}-${o.personId}-${o.startLocal}`} className="print-shift">
                        {o.person} <span dir="ltr">{fmt.clockRange(o.startLocal, o.endLocal)}</span>
                      </span>
                    ))}
                </td>
              ))}
              <td />
            </tr>
          )}
        </tbody>
      </table>
      <footer className="print-legend">
        <h2>{t('print.legend')}</h2>
        <ul>
          {legend.map((tp) => (
            <li key={tp.id}>
              <strong>{tp.code}</strong> {names.template(tp)} <span dir="ltr">{fmt.clockRange(tp.startLocal, tp.endLocal)}</span>
              {tp.skill ? ` · ${names.channel(tp.skill)}` : ''}
            </li>
          ))}
          <li>
            <span className="print-away approved">{t('print.absenceSample')}</span> {t('print.absenceMeaning')}
          </li>
          <li>
            <span className="print-away requested">? {t('print.absenceSample')}</span> {t('print.requestedMeaning')}
          </li>
          <li>
            <span className="print-shift uncovered">
              <strong>X</strong>
            </span>{' '}
            {t('print.uncoveredMeaning')}
          </li>
          <li>★ {t('roster.holiday')}</li>
          <li>☎ {t('print.onCallMeaning')}</li>
        </ul>
      </footer>
    </div>,
    document.body,
  );
});
