import { forwardRef, useCallback, useImperativeHandle, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterWeek } from '../../core/contract';
import type { ShiftTemplate } from '../../core/template';
import { errorText } from '../api/errors';
import { useFormat } from '../format';
import { ruleParams, useAbsenceTypeName, useBuiltinNames } from '../i18n/useBuiltinNames';
import { byCell, cellKey, weekHoursText } from './cells';
import type { DraftReview } from './draftReview';
import { CellEditor, CellPicker } from './grid/CellEditors';
import { DayCell, type CellWords } from './grid/DayCell';
import { rectEntries } from './grid/selection';
import { useCellEdit } from './grid/useCellEdit';
import { useCellElements } from './grid/useCellElements';
import { useCellWrites } from './grid/useCellWrites';
import { useErrorBubble } from './grid/useErrorBubble';
import { useGridClipboard } from './grid/useGridClipboard';
import { useGridKeys } from './grid/useGridKeys';
import { useGridSelection } from './grid/useGridSelection';
import { WeekFoot } from './grid/WeekFoot';
import { WeekHead } from './grid/WeekHead';

/**
 * The weekly rota: people as rows, the team's seven days as columns. A real
 * ARIA grid: one cell in the tab order (roving tabindex), arrows move, Shift
 * extends a selection, typing a code and Enter fills every selected cell,
 * Delete clears, Ctrl+C / Ctrl+V copy and paste blocks of cells. Every change
 * is one API call, so one undo step. The keys are grid/keys.ts; selection,
 * clipboard, editing and writes are the hooks beside it.
 */

export interface RotaGridHandle {
  focusCell(personId: number, day: string): void;
  /** Puts the keyboard on the grid's current cell (the skip link's target). */
  focusGrid(): void;
  /** Locks the selection's shifts (so auto-scheduling keeps them), or unlocks them when all are locked. */
  toggleLock(): void;
}

interface Props {
  week: RosterWeek;
  templates: ShiftTemplate[];
  teamId: number;
  /** A draft roster under review: its changes are drawn over the week (new outlined, removed struck through). */
  review?: DraftReview | null;
}

export const RotaGrid = forwardRef<RotaGridHandle, Props>(function RotaGrid({ week, templates, teamId, review = null }, ref) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useBuiltinNames();
  const typeName = useAbsenceTypeName(teamId);
  const table = useRef<HTMLTableElement>(null);

  const people = week.people;
  const days = week.days.map((d) => d.day);
  const shiftsByCell = useMemo(() => byCell(week.shifts), [week.shifts]);
  const problems = useMemo(() => byCell(week.violations.filter((v) => v.rule !== 'weekly_hours' && v.rule !== 'contract_hours')), [week.violations]);
  const weekProblems = useMemo(() => {
    const m = new Map<number, RosterWeek['violations']>();
    for (const v of week.violations) if (v.rule === 'weekly_hours' || v.rule === 'contract_hours') m.set(v.personId, [...(m.get(v.personId) ?? []), v]);
    return m;
  }, [week.violations]);
  const onCallOf = useMemo(() => byCell(week.onCall), [week.onCall]);
  const absenceOf = useMemo(() => new Map(week.absences.map((a) => [cellKey(a.personId, a.day), a])), [week.absences]);
  const uncovered = useMemo(() => new Set(week.uncovered), [week.uncovered]);
  const dayLabel = useCallback((day: string) => fmt.dayLong(day), [fmt]);
  const words: CellWords = { t, fmt, names, typeName };

  const cells = useCellElements();
  const selection = useGridSelection(people.length);
  const { focus, rect } = selection;
  const writes = useCellWrites(teamId);
  const edit = useCellEdit({ templates, people, days, selection, cells, writes });
  const clipboard = useGridClipboard({ rect, people, days, shiftsByCell, apply: writes.apply });
  const toggleLock = () => writes.toggleLock(rectEntries(rect, people, days, null).flatMap((e) => shiftsByCell.get(cellKey(e.personId, e.day)) ?? []));
  const onKeyDown = useGridKeys({
    week,
    shiftsByCell,
    table,
    cells,
    selection,
    edit,
    clearSelection: () => void writes.apply(rectEntries(rect, people, days, null)),
    clearError: () => writes.setError(null),
    toggleLock: () => void toggleLock(),
    copy: clipboard.copy,
    paste: () => void clipboard.paste(),
  });
  const errorAt = useErrorBubble(writes.error, focus, cells);

  useImperativeHandle(ref, () => ({
    focusCell(personId: number, day: string) {
      const row = people.findIndex((p) => p.id === personId);
      const col = days.indexOf(day);
      if (row < 0 || col < 0) return;
      selection.move({ row, col }, false);
      cells.focusAt({ row, col });
    },
    focusGrid: () => cells.focusAt(focus),
    toggleLock: () => void toggleLock(),
  }));

  // A half holiday (a worked morning) says so after its name.
  const holidayName = (day: string) => {
    const d = week.days.find((x) => x.day === day);
    return d?.holiday ? (d.halfHoliday ? `${d.holiday} (${t('roster.halfHoliday')})` : d.holiday) : null;
  };
  const currentCode = shiftsByCell.get(cellKey(people[focus.row]?.id ?? 0, days[focus.col] ?? ''))?.[0]?.code ?? '';

  return (
    <div className="grid-wrap" onMouseUp={selection.endDrag} onMouseLeave={selection.endDrag}>
      {writes.error && (
        // Under the cell it is about, over the grid (which does not move).
        <p role="alert" className="cell-error" style={errorAt ?? undefined}>
          {errorText(t, writes.error)}
        </p>
      )}
      <p role="status" className="muted small grid-status">
        {clipboard.notice}
      </p>
      <table ref={table} id="rota-grid" role="grid" className="rota" aria-label={t('roster.gridLabel', { date: fmt.day(week.weekStart) })} onKeyDown={onKeyDown}>
        <WeekHead days={days} holidayName={holidayName} />
        <tbody>
          {people.map((person, row) => {
            const weekly = weekProblems.get(person.id) ?? [];
            // Under review: what accepting the draft makes of the week's hours.
            const minutes = review?.minutes.get(person.id);
            return (
              <tr role="row" key={person.id}>
                <th role="rowheader" scope="row" className="who">
                  <span className="swatch" style={{ backgroundColor: person.color }} aria-hidden="true" />
                  {person.name}
                </th>
                {days.map((day, col) => {
                  const cellName = `${person.name}, ${dayLabel(day)}`;
                  const key = cellKey(person.id, day);
                  const focused = focus.row === row && focus.col === col;
                  return (
                    <DayCell
                      key={day}
                      cellName={cellName}
                      content={{ shifts: shiftsByCell.get(key) ?? [], issues: problems.get(key) ?? [], away: absenceOf.get(key), onCall: onCallOf.get(key) ?? [], change: review?.cells.get(key), uncovered }}
                      words={words}
                      templates={templates}
                      holiday={holidayName(day) !== null}
                      selected={selection.selected(row, col)}
                      focused={focused}
                      editor={
                        focused && edit.editing !== null ? (
                          <CellEditor cellName={cellName} value={edit.editing} on={edit.editor} />
                        ) : focused && edit.picking ? (
                          <CellPicker cellName={cellName} templates={templates} current={currentCode} on={edit.picker} />
                        ) : null
                      }
                      cellRef={cells.register(row, col)}
                      onMouseDown={(e) => selection.onCellMouseDown(e, row, col)}
                      onMouseEnter={() => selection.onCellMouseEnter(row, col)}
                      onDoubleClick={edit.startPicking}
                      onDropValue={(value) => void writes.apply([{ personId: person.id, day, value }])}
                    />
                  );
                })}
                <td role="gridcell" className={weekly.length ? 'hours has-problem' : 'hours'} title={weekly.map((v) => t(`rules.${v.rule}`, ruleParams(v.params, names, typeName))).join('\n') || undefined}>
                  {weekHoursText(t, fmt.number, person)}
                  {minutes && Math.abs(minutes.after - minutes.before) > 0.5 ? <span className="draft-hours">{t('roster.draftHours', { hours: fmt.number(minutes.after / 60, 2) })}</span> : null}
                </td>
                <td role="gridcell" className="money" title={person.standby > 0 ? t('roster.standbyIncluded', { amount: fmt.money(person.standby, week.currency) }) : undefined}>
                  {fmt.money(person.cost, week.currency)}
                </td>
              </tr>
            );
          })}
        </tbody>
        <WeekFoot week={week} />
      </table>
    </div>
  );
});
