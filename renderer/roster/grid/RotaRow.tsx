import { memo, type MouseEvent, type ReactNode } from 'react';
import type { RosterWeek } from '../../../core/contract';
import type { CellValue } from '../../../core/shift';
import type { ShiftTemplate } from '../../../core/template';
import { ruleParams } from '../../i18n/useBuiltinNames';
import { cellKey, weekHoursText } from '../cells';
import type { DraftReview } from '../draftReview';
import { DayCell, type CellWords } from './DayCell';
import type { CellElements } from './useCellElements';
import type { WeekIndex } from './weekIndex';

/** What a row's cells do with the mouse, kept the same object for the grid's life so rows can skip rendering. */
export interface RowEvents {
  mouseDown(e: MouseEvent, row: number, col: number): void;
  mouseEnter(row: number, col: number): void;
  doubleClick(): void;
  drop(personId: number, day: string, value: CellValue): void;
}

/** The week's parts every row shares: the same objects until the week, its words or the draft change. */
export interface RowWeek {
  days: readonly string[];
  /** Each day as a cell's name says it ("Monday 1 March"), formatted once for all rows. */
  dayNames: readonly string[];
  holidays: readonly boolean[];
  index: WeekIndex;
  review: DraftReview | null;
  currency: string;
  words: CellWords;
  templates: readonly ShiftTemplate[];
}

interface Props {
  person: RosterWeek['people'][number];
  /** The person's place in the list (0-based); the row is `aria-rowindex` row + 2, after the head row. */
  row: number;
  week: RowWeek;
  /** The focused cell's column when it is in this row, else -1. */
  focusCol: number;
  /** The selection's columns in this row (from, to), or -1, -1. */
  selFrom: number;
  selTo: number;
  /** The focused cell's editor or code list, when one is open in this row. */
  editor: ((cellName: string) => ReactNode) | null;
  cells: CellElements;
  events: RowEvents;
}

/**
 * One person's week on the grid. Memoised: moving the focus or the selection renders only the
 * rows whose focus or selected columns changed, and a row scrolled into view formats only itself.
 */
export const RotaRow = memo(function RotaRow({ person, row, week, focusCol, selFrom, selTo, editor, cells, events }: Props) {
  const { days, dayNames, holidays, index, review, currency, words, templates } = week;
  const { t, fmt, names, typeName } = words;
  const weekly = index.weekProblems.get(person.id) ?? [];
  // Under review: what accepting the draft makes of the week's hours.
  const minutes = review?.minutes.get(person.id);
  return (
    <tr role="row" aria-rowindex={row + 2}>
      <th role="rowheader" scope="row" className="who">
        <span className="swatch" style={{ backgroundColor: person.color }} aria-hidden="true" />
        {person.name}
      </th>
      {days.map((day, col) => {
        const cellName = `${person.name}, ${dayNames[col] ?? day}`;
        const key = cellKey(person.id, day);
        const focused = focusCol === col;
        return (
          <DayCell
            key={day}
            cellName={cellName}
            content={{ shifts: index.shiftsByCell.get(key) ?? [], issues: index.problems.get(key) ?? [], away: index.absenceOf.get(key), onCall: index.onCallOf.get(key) ?? [], change: review?.cells.get(key), uncovered: index.uncovered }}
            words={words}
            templates={templates}
            holiday={holidays[col] ?? false}
            selected={col >= selFrom && col <= selTo}
            focused={focused}
            editor={focused && editor ? editor(cellName) : null}
            cellRef={cells.register(row, col)}
            onMouseDown={(e) => events.mouseDown(e, row, col)}
            onMouseEnter={() => events.mouseEnter(row, col)}
            onDoubleClick={events.doubleClick}
            onDropValue={(value) => events.drop(person.id, day, value)}
          />
        );
      })}
      <td role="gridcell" className={weekly.length ? 'hours has-problem' : 'hours'} title={weekly.map((v) => t(`rules.${v.rule}`, ruleParams(v.params, names, typeName))).join('\n') || undefined}>
        {weekHoursText(t, fmt.number, person)}
        {minutes && Math.abs(minutes.after - minutes.before) > 0.5 ? <span className="draft-hours">{t('roster.draftHours', { hours: fmt.number(minutes.after / 60, 2) })}</span> : null}
      </td>
      <td role="gridcell" className="money" title={person.standby > 0 ? t('roster.standbyIncluded', { amount: fmt.money(person.standby, currency) }) : undefined}>
        {fmt.money(person.cost, currency)}
      </td>
    </tr>
  );
});

/** Stands in for `count` rows left out of the page: their height, nothing for a screen reader. */
export function SpacerRow({ count, rowHeight }: { count: number; rowHeight: number }) {
  return (
    <tr className="grid-spacer" aria-hidden="true">
      <td colSpan={10} style={{ blockSize: `${count * rowHeight}px` }} />
    </tr>
  );
}
