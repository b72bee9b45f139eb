import { Fragment, type MouseEvent, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { BuiltinNamer } from '../../../core/builtin-names';
import type { RosterWeek } from '../../../core/contract';
import type { CellValue, Shift } from '../../../core/shift';
import type { ShiftTemplate } from '../../../core/template';
import type { Format } from '../../format';
import { ruleParams } from '../../i18n/useBuiltinNames';
import type { CellChange } from '../draftReview';
import { valueOf } from './clipboard';

/** The words a cell is written in: passed down, not looked up per cell (a team's week has hundreds). */
export interface CellWords {
  t: TFunction;
  fmt: Format;
  names: BuiltinNamer;
  typeName: (storedName: string) => string;
}

/** What falls in one cell of the week: a person on a day. */
export interface CellContent {
  shifts: Shift[];
  issues: RosterWeek['violations'];
  away: RosterWeek['absences'][number] | undefined;
  onCall: RosterWeek['onCall'];
  /** The draft under review's change to this cell. */
  change: CellChange | undefined;
  /** The ids of the week's shifts nobody covers. */
  uncovered: ReadonlySet<number>;
}

/**
 * The cell's name: whose day it is, then what it shows in the order shown, then what its marks say.
 * (Its visible words lead and stay in order: translated or typed words come last.)
 */
export function spokenCell(cellName: string, { shifts, issues, away, onCall, change, uncovered }: CellContent, { t, fmt, names, typeName }: CellWords): string {
  const visible = [
    ...shifts.map((s) => `${s.code ?? '•'} ${fmt.clockRange(s.startLocal, s.endLocal)}`),
    ...(change?.after.map((d) => `${d.code} ${fmt.clockRange(d.start, d.end)}`) ?? []),
    away ? `${away.status === 'requested' ? '? ' : ''}${typeName(away.typeName)}${away.hours !== null ? ` ${fmt.number(away.hours, 2)} h` : ''}` : '',
    shifts.some((s) => uncovered.has(s.id)) ? t('roster.uncovered') : '',
  ].filter(Boolean);
  const marks = [
    ...(shifts.some((s) => s.locked) ? [t('roster.locked')] : []),
    ...(change ? [t(`roster.draftKind.${change.kind}`)] : []),
    ...onCall.map((b) => t('roster.onCallMark', { from: fmt.clock(b.startLocal), to: fmt.clock(b.endLocal), rotation: names.rotation(b.rotation) })),
    ...issues.map((v) => t(`rules.${v.rule}`, ruleParams(v.params, names, typeName))),
  ];
  const spoken = [visible.join(' '), ...marks].filter(Boolean).join(', ');
  return spoken ? `${cellName}: ${spoken}` : cellName;
}

interface Props {
  cellName: string;
  content: CellContent;
  words: CellWords;
  templates: readonly ShiftTemplate[];
  holiday: boolean;
  selected: boolean;
  focused: boolean;
  /** The code editor or list open on this cell, shown instead of its shifts. */
  editor: ReactNode;
  cellRef: (el: HTMLTableCellElement | null) => void;
  onMouseDown: (e: MouseEvent) => void;
  onMouseEnter: () => void;
  onDoubleClick: () => void;
  /** A shift dropped on the cell (dragged from another): its value, to be copied here. */
  onDropValue: (value: CellValue) => void;
}

const colorOf = (templates: readonly ShiftTemplate[], templateId: number | null) => templates.find((tp) => tp.id === templateId)?.color ?? '#999';

/** One day of one person on the rota: shifts, the draft's proposal, absence, on-call and problem marks. */
export function DayCell({ cellName, content, words, templates, holiday, selected, focused, editor, cellRef, onMouseDown, onMouseEnter, onDoubleClick, onDropValue }: Props) {
  const { t, fmt, names, typeName } = words;
  const { shifts, issues, away, onCall, change, uncovered } = content;
  const classes = ['cell', selected ? 'selected' : '', issues.length ? 'has-problem' : '', holiday ? 'holiday' : '', away ? `away away-${away.status}` : ''].filter(Boolean).join(' ');
  const cellUncovered = shifts.some((s) => uncovered.has(s.id));
  const onCallText = (b: RosterWeek['onCall'][number]) => t('roster.onCallMark', { from: fmt.clock(b.startLocal), to: fmt.clock(b.endLocal), rotation: names.rotation(b.rotation) });
  const issueTexts = issues.map((v) => t(`rules.${v.rule}`, ruleParams(v.params, names, typeName)));

  return (
    <td
      role="gridcell"
      aria-label={spokenCell(cellName, content, words)}
      aria-selected={selected}
      tabIndex={focused ? 0 : -1}
      className={classes}
      ref={cellRef}
      onMouseDown={onMouseDown}
      onMouseEnter={onMouseEnter}
      onDoubleClick={onDoubleClick}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        const raw = e.dataTransfer.getData('application/x-rosterdesk-cell');
        if (raw) onDropValue(JSON.parse(raw) as CellValue);
      }}
    >
      {editor ??
        shifts.map((s, i) => (
          <Fragment key={s.id}>
            {i > 0 && ' '}
            <span
              className={[uncovered.has(s.id) ? 'shift uncovered' : 'shift', change?.before.includes(s) ? 'removed' : ''].filter(Boolean).join(' ')}
              title={s.activities.map((a) => `${t(`shiftDialog.${a.kind}`)} ${fmt.clockRange(a.startLocal, a.endLocal)}`).join('\n') || undefined}
              draggable="true"
              style={{ borderInlineStartColor: colorOf(templates, s.templateId) }}
              onDragStart={(e) => {
                e.dataTransfer.setData('application/x-rosterdesk-cell', JSON.stringify(valueOf([s])));
                e.dataTransfer.effectAllowed = 'copy';
              }}
            >
              <strong className="code">{s.code ?? '•'}</strong> <span className="times">{fmt.clockRange(s.startLocal, s.endLocal)}</span>
              {s.locked && (
                <span className="shift-lock" role="img" aria-label={t('roster.locked')} title={t('roster.locked')}>
                  🔒
                </span>
              )}
            </span>
          </Fragment>
        ))}
      {change?.after.map((d) => (
        <Fragment key={`draft-${d.day}-${d.templateId}-${d.start}`}>
          {' '}
          <span className={`shift proposed ${change.kind}`} style={{ borderInlineStartColor: colorOf(templates, d.templateId) }} title={t(`roster.draftKind.${change.kind}`)}>
            <strong className="code">{d.code}</strong> <span className="times">{fmt.clockRange(d.start, d.end)}</span>
          </span>
        </Fragment>
      ))}
      {away && shifts.length > 0 && ' '}
      {away && (
        <span className="absence-mark" style={{ borderColor: away.color }} title={t(away.status === 'approved' ? 'roster.awayApproved' : 'roster.awayRequested', { type: typeName(away.typeName) })}>
          {/* Text, not colour alone: the type's name, and a question mark while only requested. */}
          {away.status === 'requested' ? '? ' : ''}
          {typeName(away.typeName)}
          {away.hours !== null ? ` ${fmt.number(away.hours, 2)} h` : ''}
        </span>
      )}
      {cellUncovered && (
        <>
          {' '}
          <span className="uncovered-tag">{t('roster.uncovered')}</span>
        </>
      )}
      {onCall.map((b) => (
        <span key={`${b.rotation}-${b.startLocal}`} className="oncall-mark" role="img" aria-label={onCallText(b)} title={onCallText(b)}>
          ☎
        </span>
      ))}
      {issues.length > 0 && (
        <span className="problem-mark" role="img" aria-label={issueTexts.join('; ')} title={issueTexts.join('\n')}>
          ⚠
        </span>
      )}
    </td>
  );
}
