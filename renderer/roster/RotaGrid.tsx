import { forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterWeek } from '../../core/contract';
import type { ShiftTemplate } from '../../core/template';
import { errorText } from '../api/errors';
import { useFormat } from '../format';
import { useAbsenceTypeName, useBuiltinNames } from '../i18n/useBuiltinNames';
import { cellKey } from './cells';
import type { DraftReview } from './draftReview';
import { CellEditor, CellPicker } from './grid/CellEditors';
import type { CellWords } from './grid/DayCell';
import { RotaRow, SpacerRow, type RowEvents, type RowWeek } from './grid/RotaRow';
import { rectEntries } from './grid/selection';
import { useCellEdit } from './grid/useCellEdit';
import { useCellElements } from './grid/useCellElements';
import { useCellWrites } from './grid/useCellWrites';
import { useDragScroll } from './grid/useDragScroll';
import { useErrorBubble } from './grid/useErrorBubble';
import { useGridClipboard } from './grid/useGridClipboard';
import { useGridKeys } from './grid/useGridKeys';
import { useGridSelection } from './grid/useGridSelection';
import { useRowWindow } from './grid/useRowWindow';
import { indexWeek } from './grid/weekIndex';
import { rowSegments } from './grid/windowing';
import { footRowCount, WeekFoot } from './grid/WeekFoot';
import { WeekHead } from './grid/WeekHead';

/**
 * The weekly rota: people as rows, the team's seven days as columns. A real
 * ARIA grid: one cell in the tab order (roving tabindex), arrows move, Shift
 * extends a selection, typing a code and Enter fills every selected cell,
 * Delete clears, Ctrl+C / Ctrl+V copy and paste blocks of cells. Every change
 * is one API call, so one undo step. The keys are grid/keys.ts; selection,
 * clipboard, editing and writes are the hooks beside it.
 *
 * Only the people rows in view are in the page (grid/windowing.ts), with spacer rows keeping the
 * others' height, and the focused row always: a team of 1 000 is 10 000 cells. Focus and selection
 * are places in the week's data (row, column), not elements, so moving to, selecting, copying and
 * pasting rows out of view works; aria-rowcount and aria-rowindex tell a screen reader the whole
 * size. The printed rota (PrintRota) is a separate table of every row.
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
  const body = useRef<HTMLTableSectionElement>(null);

  const people = week.people;
  const days = useMemo(() => week.days.map((d) => d.day), [week.days]);
  const index = useMemo(() => indexWeek(week), [week]);
  const { shiftsByCell } = index;
  // A half holiday (a worked morning) says so after its name.
  const holidayName = (day: string) => {
    const d = week.days.find((x) => x.day === day);
    return d?.holiday ? (d.halfHoliday ? `${d.holiday} (${t('roster.halfHoliday')})` : d.holiday) : null;
  };
  const words = useMemo<CellWords>(() => ({ t, fmt, names, typeName }), [t, fmt, names, typeName]);
  // What every row shares, one object per week, words and draft, so a row renders again only when its own props change.
  const rowWeek = useMemo<RowWeek>(
    () => ({
      days,
      dayNames: days.map((d) => fmt.dayLong(d)),
      holidays: week.days.map((d) => Boolean(d.holiday)),
      index,
      review,
      currency: week.currency,
      words,
      templates,
    }),
    [days, fmt, week.days, week.currency, index, review, words, templates],
  );

  const cells = useCellElements();
  const selection = useGridSelection(people.length);
  const { focus, rect } = selection;
  const view = useRowWindow(body, people.length);
  const wrap = useRef<HTMLDivElement>(null);
  const dragScroll = useDragScroll(wrap, selection);
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
    page: view.page,
  });
  const errorAt = useErrorBubble(writes.error, focus, cells);
  // Set after useGridKeys' effect has put the keyboard on the new focused cell.
  const leftRow = useRef(focus.row);
  useEffect(() => {
    leftRow.current = focus.row;
  }, [focus.row]);

  // The rows' mouse handlers: one object for the grid's life (rows are memoised), calling the latest hooks.
  const latest = useRef({ selection, edit, writes });
  useLayoutEffect(() => {
    latest.current = { selection, edit, writes };
  });
  const events = useMemo<RowEvents>(
    () => ({
      mouseDown: (e, row, col) => latest.current.selection.onCellMouseDown(e, row, col),
      mouseEnter: (row, col) => latest.current.selection.onCellMouseEnter(row, col),
      doubleClick: () => latest.current.edit.startPicking(),
      drop: (personId, day, value) => void latest.current.writes.apply([{ personId, day, value }]),
    }),
    [],
  );

  useImperativeHandle(ref, () => ({
    focusCell(personId: number, day: string) {
      const row = people.findIndex((p) => p.id === personId);
      const col = days.indexOf(day);
      if (row < 0 || col < 0) return;
      selection.move({ row, col }, false);
      // The row may be out of view, so not yet in the page: the cell takes the keyboard when it comes.
      cells.focusAt({ row, col });
    },
    focusGrid: () => cells.focusAt(focus),
    toggleLock: () => void toggleLock(),
  }));

  const currentCode = shiftsByCell.get(cellKey(people[focus.row]?.id ?? 0, days[focus.col] ?? ''))?.[0]?.code ?? '';
  const editor =
    edit.editing !== null
      ? (cellName: string) => <CellEditor cellName={cellName} value={edit.editing ?? ''} on={edit.editor} />
      : edit.picking
        ? (cellName: string) => <CellPicker cellName={cellName} templates={templates} current={currentCode} on={edit.picker} />
        : null;
  // The focused row stays in the page wherever the view is (its cell is the grid's one tab stop),
  // and so does the row the focus leaves until the keyboard has moved: a key pressed faster than the
  // view follows would otherwise take the focused cell out of the page, and the keyboard with it.
  const segments = rowSegments(view.range, [focus.row, leftRow.current], people.length);

  return (
    <>
      {/* Outside the scrolling wrapper, so "Copied 60 cells" shows however far down the grid is. */}
      <p role="status" className="muted small grid-status">
        {clipboard.notice}
      </p>
      <div ref={wrap} className="grid-wrap" onMouseUp={selection.endDrag} onMouseLeave={selection.endDrag} onMouseMove={dragScroll}>
        {writes.error && (
          // Under the cell it is about, over the grid (which does not move).
          <p role="alert" className="cell-error" style={errorAt ?? undefined}>
            {errorText(t, writes.error)}
          </p>
        )}
        <table
          ref={table}
          id="rota-grid"
          role="grid"
          className="rota"
          aria-label={t('roster.gridLabel', { date: fmt.day(week.weekStart) })}
          aria-rowcount={1 + people.length + footRowCount(week)}
          onKeyDown={onKeyDown}
        >
          <WeekHead days={days} holidayName={holidayName} />
          <tbody ref={body}>
            {segments.flatMap((seg, n) =>
              seg.kind === 'gap'
                ? [<SpacerRow key={`gap-${n}`} count={seg.count} rowHeight={view.rowHeight} />]
                : people.slice(seg.first, seg.last + 1).map((person, i) => {
                    const row = seg.first + i;
                    const inRows = row >= rect.top && row <= rect.bottom;
                    return (
                      <RotaRow
                        key={person.id}
                        person={person}
                        row={row}
                        week={rowWeek}
                        focusCol={focus.row === row ? focus.col : -1}
                        selFrom={inRows ? rect.left : -1}
                        selTo={inRows ? rect.right : -1}
                        editor={focus.row === row ? editor : null}
                        cells={cells}
                        events={events}
                      />
                    );
                  }),
            )}
          </tbody>
          <WeekFoot week={week} firstRowIndex={2 + people.length} />
        </table>
      </div>
    </>
  );
});
