import { forwardRef, Fragment, useCallback, useLayoutEffect, useEffect, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterWeek } from '../../core/contract';
import type { ApiError } from '../../core/errors';
import { codeKey, type CellValue, type Shift } from '../../core/shift';
import type { ShiftTemplate } from '../../core/template';
import { call, CallError } from '../api/client';
import { errorText } from '../api/errors';
import { useFormat } from '../format';
import { ruleParams, useAbsenceTypeName, useBuiltinNames } from '../i18n/useBuiltinNames';
import { byCell, cellKey, weekHoursText } from './cells';
import type { DraftReview } from './draftReview';

/**
 * The weekly rota: people as rows, the team's seven days as columns. A real
 * ARIA grid: one cell in the tab order (roving tabindex), arrows move, Shift
 * extends a selection, typing a code and Enter fills every selected cell,
 * Delete clears, Ctrl+C / Ctrl+V copy and paste blocks of cells. Every change
 * is one API call, so one undo step.
 */

interface Pos {
  row: number;
  col: number;
}

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

type Clip = (CellValue | null)[][];

/** What a cell holds, as a value that can be put into another cell. */
function valueOf(shifts: Shift[]): CellValue | null {
  const s = shifts[0];
  if (!s) return null;
  return s.code ? { code: s.code } : { startLocal: s.startLocal, endLocal: s.endLocal, breakMinutes: s.breakMinutes, skill: s.skill };
}

export const RotaGrid = forwardRef<RotaGridHandle, Props>(function RotaGrid({ week, templates, teamId, review = null }, ref) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useBuiltinNames();
  const typeName = useAbsenceTypeName(teamId);
  const [focus, setFocus] = useState<Pos>({ row: 0, col: 0 });
  const [anchor, setAnchor] = useState<Pos>({ row: 0, col: 0 });
  const [editing, setEditing] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState('');
  const clip = useRef<Clip | null>(null);
  const dragging = useRef(false);
  const cells = useRef(new Map<string, HTMLTableCellElement>());
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
  const rtl = typeof document !== 'undefined' && document.documentElement.dir === 'rtl';

  const clamp = useCallback((p: Pos): Pos => ({ row: Math.max(0, Math.min(people.length - 1, p.row)), col: Math.max(0, Math.min(6, p.col)) }), [people.length]);
  const sel = {
    top: Math.min(focus.row, anchor.row),
    bottom: Math.max(focus.row, anchor.row),
    left: Math.min(focus.col, anchor.col),
    right: Math.max(focus.col, anchor.col),
  };
  const selected = (r: number, c: number) => r >= sel.top && r <= sel.bottom && c >= sel.left && c <= sel.right;

  useImperativeHandle(ref, () => ({
    focusCell(personId: number, day: string) {
      const row = people.findIndex((p) => p.id === personId);
      const col = days.indexOf(day);
      if (row < 0 || col < 0) return;
      setFocus({ row, col });
      setAnchor({ row, col });
      cells.current.get(`${row}|${col}`)?.focus();
    },
    focusGrid: () => cells.current.get(`${focus.row}|${focus.col}`)?.focus(),
    toggleLock: () => void toggleLock(),
  }));

  // Where the error bubble goes: just below the focused cell, inside the scrolling wrapper.
  const [errorAt, setErrorAt] = useState<{ top: number; insetInlineStart: number } | null>(null);
  useLayoutEffect(() => {
    const el = cells.current.get(`${focus.row}|${focus.col}`);
    const wrap = el?.closest('.grid-wrap');
    if (!error || !el || !wrap) return setErrorAt(null);
    const c = el.getBoundingClientRect();
    const w = wrap.getBoundingClientRect();
    const rtl = getComputedStyle(wrap).direction === 'rtl';
    setErrorAt({ top: c.bottom - w.top + wrap.scrollTop + 2, insetInlineStart: rtl ? w.right - c.right : c.left - w.left + wrap.scrollLeft });
  }, [error, focus]);

  // Keep the keyboard on the focused cell after each render that moved it.
  useEffect(() => {
    if (editing !== null || picking) return;
    const el = cells.current.get(`${focus.row}|${focus.col}`);
    if (el && table.current?.contains(document.activeElement) && document.activeElement !== el) el.focus();
  }, [focus, editing, picking, week]);

  async function apply(entries: { personId: number; day: string; value: CellValue | null }[]): Promise<boolean> {
    if (!entries.length) return true;
    try {
      await call('shift.setCells', { teamId, entries });
      setError(null);
      return true;
    } catch (err) {
      if (err instanceof CallError) {
        setError(err.error);
        return false;
      }
      throw err;
    }
  }

  async function toggleLock(): Promise<void> {
    const chosen = selectionEntries(null).flatMap((e) => shiftsByCell.get(cellKey(e.personId, e.day)) ?? []);
    if (!chosen.length) return;
    try {
      await call('shift.lock', { ids: chosen.map((s) => s.id), locked: !chosen.every((s) => s.locked) });
      setError(null);
    } catch (err) {
      if (err instanceof CallError) setError(err.error);
      else throw err;
    }
  }

  function selectionEntries(value: CellValue | null) {
    const out: { personId: number; day: string; value: CellValue | null }[] = [];
    for (let r = sel.top; r <= sel.bottom; r += 1) {
      const person = people[r];
      if (!person) continue;
      for (let c = sel.left; c <= sel.right; c += 1) {
        const day = days[c];
        if (day) out.push({ personId: person.id, day, value });
      }
    }
    return out;
  }

  /**
   * Fills the selection with a code. The editor closes and the focus moves on at
   * once, so a lead typing "E ⏎ L ⏎ E ⏎" at full speed lands each code in its own
   * cell while the saves run; a refused code shows its error and changes nothing.
   */
  function commit(text: string) {
    const code = text.trim();
    // An unknown code is said at the cell, the typing kept and the keyboard left there: nothing moves.
    if (code && !templates.some((tp) => codeKey(tp.code) === codeKey(code))) {
      setError({ code: 'unknown_code', message: t('errors.unknown_code'), path: [] });
      return;
    }
    const entries = selectionEntries(code ? { code } : null);
    const next = clamp({ row: focus.row, col: sel.right + 1 });
    // Focus moves now, not on the next frame: the next keystroke must find the next cell.
    cells.current.get(`${next.row}|${next.col}`)?.focus();
    setEditing(null);
    setFocus(next);
    setAnchor(next);
    void apply(entries);
  }

  function move(p: Pos, extend: boolean) {
    const next = clamp(p);
    setFocus(next);
    if (!extend) setAnchor(next);
  }

  function copySelection() {
    const block: Clip = [];
    for (let r = sel.top; r <= sel.bottom; r += 1) {
      const row: (CellValue | null)[] = [];
      for (let c = sel.left; c <= sel.right; c += 1) row.push(valueOf(shiftsByCell.get(cellKey(people[r]?.id ?? 0, days[c] ?? '')) ?? []));
      block.push(row);
    }
    clip.current = block;
    setNotice(t('roster.copied', { count: block.length * (block[0]?.length ?? 0) }));
    // Also as text (tab-separated codes), so the rota pastes into a spreadsheet.
    const text = block.map((r) => r.map((v) => (v && 'code' in v ? v.code : v ? `${v.startLocal}-${v.endLocal}` : '')).join('\t')).join('\n');
    void navigator.clipboard?.writeText(text).catch(() => undefined);
  }

  async function paste() {
    const block = clip.current;
    if (!block) return;
    const entries: { personId: number; day: string; value: CellValue | null }[] = [];
    // A single copied cell fills the whole selection; a block lands at the focused cell.
    const single = block.length === 1 && block[0]?.length === 1;
    if (single) entries.push(...selectionEntries(block[0]?.[0] ?? null));
    else {
      block.forEach((row, dr) =>
        row.forEach((value, dc) => {
          const person = people[sel.top + dr];
          const day = days[sel.left + dc];
          if (person && day) entries.push({ personId: person.id, day, value });
        }),
      );
    }
    await apply(entries);
  }

  function onKeyDown(e: KeyboardEvent<HTMLTableElement>) {
    if (editing !== null || picking) return;
    const ctrl = e.ctrlKey || e.metaKey;
    const horizontal = (d: number) => (rtl ? -d : d);
    const keyMoves: Record<string, Pos> = {
      ArrowUp: { row: focus.row - 1, col: focus.col },
      ArrowDown: { row: focus.row + 1, col: focus.col },
      ArrowLeft: { row: focus.row, col: focus.col - horizontal(1) },
      ArrowRight: { row: focus.row, col: focus.col + horizontal(1) },
      Home: { row: focus.row, col: 0 },
      End: { row: focus.row, col: 6 },
    };
    const target = keyMoves[e.key];
    if (target) {
      e.preventDefault();
      move(target, e.shiftKey);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      setPicking(true);
    } else if (e.key === 'F2') {
      e.preventDefault();
      const v = valueOf(shiftsByCell.get(cellKey(people[focus.row]?.id ?? 0, days[focus.col] ?? '')) ?? []);
      setEditing(v && 'code' in v ? v.code : '');
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      void apply(selectionEntries(null));
    } else if (e.key === 'Escape') {
      setAnchor(focus);
      setError(null);
    } else if (ctrl && e.key.toLowerCase() === 'l') {
      e.preventDefault();
      void toggleLock();
    } else if (ctrl && e.key.toLowerCase() === 'c') {
      e.preventDefault();
      copySelection();
    } else if (ctrl && e.key.toLowerCase() === 'v') {
      e.preventDefault();
      void paste();
    } else if (!ctrl && !e.altKey && e.key.length === 1 && /[\p{L}\p{N}]/u.test(e.key)) {
      e.preventDefault();
      setEditing(e.key);
    }
  }

  function onCellMouseDown(e: MouseEvent, row: number, col: number) {
    if (e.button !== 0) return;
    if ((e.target as HTMLElement).closest('[draggable="true"]') && !e.shiftKey) {
      // Let a drag of a shift start; it copies on drop.
      move({ row, col }, false);
      return;
    }
    dragging.current = true;
    move({ row, col }, e.shiftKey);
  }

  const editor = (cellName: string) => (
    <input
      className="cell-editor"
      aria-label={t('roster.edit', { cell: cellName })}
      value={editing ?? ''}
      autoFocus
      maxLength={6}
      onChange={(e) => {
        setEditing(e.target.value);
        setError(null);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit(editing ?? '');
        } else if (e.key === 'Escape') {
          e.preventDefault();
          setEditing(null);
          setError(null);
          requestAnimationFrame(() => cells.current.get(`${focus.row}|${focus.col}`)?.focus());
        }
      }}
      onBlur={() => {
        setEditing(null);
        setError(null);
      }}
    />
  );

  const picker = (cellName: string) => (
    <select
      className="cell-picker"
      size={Math.min(8, templates.length + 1)}
      aria-label={`${t('roster.choose')}: ${cellName}`}
      autoFocus
      defaultValue={shiftsByCell.get(cellKey(people[focus.row]?.id ?? 0, days[focus.col] ?? ''))?.[0]?.code ?? ''}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          setPicking(false);
          commit(e.currentTarget.value);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          setPicking(false);
          requestAnimationFrame(() => cells.current.get(`${focus.row}|${focus.col}`)?.focus());
        }
      }}
      onClick={(e) => {
        if ((e.target as HTMLElement).tagName === 'OPTION') {
          setPicking(false);
          commit(e.currentTarget.value);
        }
      }}
      onBlur={() => setPicking(false)}
    >
      <option value="">{t('roster.dayOff')}</option>
      {templates.map((tp) => (
        <option key={tp.id} value={tp.code}>
          {tp.code} — {names.template(tp)} ({fmt.clockRange(tp.startLocal, tp.endLocal)})
        </option>
      ))}
    </select>
  );

  const channels = [...new Set(week.coverage.map((c) => c.channel))].sort();
  const coverage = (day: string, channel: string) => week.coverage.find((c) => c.day === day && c.channel === channel)?.people ?? 0;
  // A half holiday (a worked morning) says so after its name.
  const holidayName = (day: string) => {
    const d = week.days.find((x) => x.day === day);
    return d?.holiday ? (d.halfHoliday ? `${d.holiday} (${t('roster.halfHoliday')})` : d.holiday) : null;
  };

  return (
    <div className="grid-wrap" onMouseUp={() => (dragging.current = false)} onMouseLeave={() => (dragging.current = false)}>
      {error && (
        // Under the cell it is about, over the grid (which does not move).
        <p role="alert" className="cell-error" style={errorAt ?? undefined}>
          {errorText(t, error)}
        </p>
      )}
      <p role="status" className="muted small grid-status">
        {notice}
      </p>
      <table ref={table} id="rota-grid" role="grid" className="rota" aria-label={t('roster.gridLabel', { date: fmt.day(week.weekStart) })} onKeyDown={onKeyDown}>
        <thead>
          <tr role="row">
            <th role="columnheader" scope="col" className="who">
              {t('roster.person')}
            </th>
            {days.map((day) => {
              const holiday = holidayName(day);
              return (
                <th role="columnheader" scope="col" key={day} className={holiday ? 'holiday' : undefined}>
                  <span className="weekday">{fmt.weekday(day)}</span> <span className="date">{fmt.dayMonth(day)}</span>
                  {holiday && (
                    <span className="holiday-name" title={`${t('roster.holiday')}: ${holiday}`}>
                      {holiday}
                    </span>
                  )}
                </th>
              );
            })}
            <th role="columnheader" scope="col">
              {t('roster.hours')}
            </th>
            <th role="columnheader" scope="col">
              {t('roster.cost')}
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((person, row) => {
            const weekly = weekProblems.get(person.id) ?? [];
            return (
              <tr role="row" key={person.id}>
                <th role="rowheader" scope="row" className="who">
                  <span className="swatch" style={{ backgroundColor: person.color }} aria-hidden="true" />
                  {person.name}
                </th>
                {days.map((day, col) => {
                  const cellName = `${person.name}, ${dayLabel(day)}`;
                  const shifts = shiftsByCell.get(cellKey(person.id, day)) ?? [];
                  const issues = problems.get(cellKey(person.id, day)) ?? [];
                  const isFocus = focus.row === row && focus.col === col;
                  const away = absenceOf.get(cellKey(person.id, day));
                  const classes = ['cell', selected(row, col) ? 'selected' : '', issues.length ? 'has-problem' : '', holidayName(day) ? 'holiday' : '', away ? `away away-${away.status}` : ''].filter(Boolean).join(' ');
                  const onCall = onCallOf.get(cellKey(person.id, day)) ?? [];
                  const change = review?.cells.get(cellKey(person.id, day));
                  const cellUncovered = shifts.some((s) => uncovered.has(s.id));
                  // The cell's name: whose day it is, then what it shows in the order shown, then what its marks say.
                  // (Its visible words lead and stay in order: translated or typed words come last, see the tag below.)
                  const visible = [
                    ...shifts.map((s) => `${s.code ?? '•'} ${fmt.clockRange(s.startLocal, s.endLocal)}`),
                    ...(change?.after.map((d) => `${d.code} ${fmt.clockRange(d.start, d.end)}`) ?? []),
                    away ? `${away.status === 'requested' ? '? ' : ''}${typeName(away.typeName)}${away.hours !== null ? ` ${fmt.number(away.hours, 2)} h` : ''}` : '',
                    cellUncovered ? t('roster.uncovered') : '',
                  ].filter(Boolean);
                  const marks = [
                    ...(shifts.some((s) => s.locked) ? [t('roster.locked')] : []),
                    ...(change ? [t(`roster.draftKind.${change.kind}`)] : []),
                    ...onCall.map((b) => t('roster.onCallMark', { from: fmt.clock(b.startLocal), to: fmt.clock(b.endLocal), rotation: names.rotation(b.rotation) })),
                    ...issues.map((v) => t(`rules.${v.rule}`, ruleParams(v.params, names, typeName))),
                  ];
                  const spoken = [visible.join(' '), ...marks].filter(Boolean).join(', ');

                  return (
                    <td
                      role="gridcell"
                      key={day}
                      aria-label={spoken ? `${cellName}: ${spoken}` : cellName}
                      aria-selected={selected(row, col)}
                      tabIndex={isFocus ? 0 : -1}
                      className={classes}
                      ref={(el) => {
                        if (el) cells.current.set(`${row}|${col}`, el);
                        else cells.current.delete(`${row}|${col}`);
                      }}
                      onMouseDown={(e) => onCellMouseDown(e, row, col)}
                      onMouseEnter={() => dragging.current && move({ row, col }, true)}
                      onDoubleClick={() => setPicking(true)}
                      onDragOver={(e) => e.preventDefault()}
                      onDrop={(e) => {
                        e.preventDefault();
                        const raw = e.dataTransfer.getData('application/x-rosterdesk-cell');
                        if (raw) void apply([{ personId: person.id, day, value: JSON.parse(raw) as CellValue }]);
                      }}
                    >
                      {isFocus && editing !== null ? (
                        editor(cellName)
                      ) : isFocus && picking ? (
                        picker(cellName)
                      ) : (
                        shifts.map((s, i) => (
                          <Fragment key={s.id}>
                            {i > 0 && ' '}
                            <span
                              className={[uncovered.has(s.id) ? 'shift uncovered' : 'shift', change?.before.includes(s) ? 'removed' : ''].filter(Boolean).join(' ')}
                              title={s.activities.map((a) => `${t(`shiftDialog.${a.kind}`)} ${fmt.clockRange(a.startLocal, a.endLocal)}`).join('\n') || undefined}
                              draggable="true"
                              style={{ borderInlineStartColor: templates.find((tp) => tp.id === s.templateId)?.color ?? '#999' }}
                              onDragStart={(e) => {
                                e.dataTransfer.setData('application/x-rosterdesk-cell', JSON.stringify(valueOf([s])));
                                e.dataTransfer.effectAllowed = 'copy';
                              }}
                            >
                              <strong className="code">{s.code ?? '•'}</strong>{' '}
                              <span className="times">{fmt.clockRange(s.startLocal, s.endLocal)}</span>
                              {s.locked && (
                                <span className="shift-lock" role="img" aria-label={t('roster.locked')} title={t('roster.locked')}>
                                  🔒
                                </span>
                              )}
                            </span>
                          </Fragment>
                        ))
                      )}
                      {change?.after.map((d) => (
                        <Fragment key={`draft-${d.day}-${d.templateId}-${d.start}`}>
                          {' '}
                          <span className={`shift proposed ${change.kind}`} style={{ borderInlineStartColor: templates.find((tp) => tp.id === d.templateId)?.color ?? '#999' }} title={t(`roster.draftKind.${change.kind}`)}>
                            <strong className="code">{d.code}</strong>{' '}
                            <span className="times">
                              {fmt.clockRange(d.start, d.end)}
                            </span>
                          </span>
                        </Fragment>
                      ))}
                      {away && shifts.length > 0 && ' '}
                      {away && (
                        <span
                          className="absence-mark"
                          style={{ borderColor: away.color }}
                          title={t(away.status === 'approved' ? 'roster.awayApproved' : 'roster.awayRequested', { type: typeName(away.typeName) })}
                        >
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
                        <span key={`${b.rotation}-${b.startLocal}`} className="oncall-mark" role="img" aria-label={t('roster.onCallMark', { from: fmt.clock(b.startLocal), to: fmt.clock(b.endLocal), rotation: names.rotation(b.rotation) })} title={t('roster.onCallMark', { from: fmt.clock(b.startLocal), to: fmt.clock(b.endLocal), rotation: names.rotation(b.rotation) })}>
                          ☎
                        </span>
                      ))}
                      {issues.length > 0 && (
                        <span className="problem-mark" role="img" aria-label={issues.map((v) => t(`rules.${v.rule}`, ruleParams(v.params, names, typeName))).join('; ')} title={issues.map((v) => t(`rules.${v.rule}`, ruleParams(v.params, names, typeName))).join('\n')}>
                          ⚠
                        </span>
                      )}
                    </td>
                  );
                })}
                <td role="gridcell" className={weekly.length ? 'hours has-problem' : 'hours'} title={weekly.map((v) => t(`rules.${v.rule}`, ruleParams(v.params, names, typeName))).join('\n') || undefined}>
                  {weekHoursText(t, fmt.number, person)}
                  {(() => {
                    // Under review: what accepting the draft makes of the week's hours.
                    const m = review?.minutes.get(person.id);
                    return m && Math.abs(m.after - m.before) > 0.5 ? <span className="draft-hours">{t('roster.draftHours', { hours: fmt.number(m.after / 60, 2) })}</span> : null;
                  })()}
                </td>
                <td role="gridcell" className="money" title={person.standby > 0 ? t('roster.standbyIncluded', { amount: fmt.money(person.standby, week.currency) }) : undefined}>
                  {fmt.money(person.cost, week.currency)}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          {channels.map((channel) => (
            <tr role="row" key={channel}>
              <th role="rowheader" scope="row" className="who">
                {t('roster.onShift', { channel: names.channel(channel) })}
              </th>
              {days.map((day) => (
                <td role="gridcell" key={day} className="count">
                  {fmt.number(coverage(day, channel))}
                </td>
              ))}
              <td role="gridcell" />
              <td role="gridcell" />
            </tr>
          ))}
          {week.onCall.length > 0 && (
            <tr role="row">
              <th role="rowheader" scope="row" className="who">
                {t('roster.onCallRow')}
              </th>
              {days.map((day) => (
                <td role="gridcell" key={day} className="oncall-names">
                  {[...new Set(week.onCall.filter((b) => b.day === day).map((b) => b.person))].join(', ')}
                </td>
              ))}
              <td role="gridcell" />
              <td role="gridcell" />
            </tr>
          )}
          <tr role="row">
            <th role="rowheader" scope="row" className="who">
              {t('roster.total')}
            </th>
            {days.map((day) => (
              <td role="gridcell" key={day} />
            ))}
            <td role="gridcell" className="hours">
              {fmt.number(week.totals.paidMinutes / 60, 2)}
            </td>
            <td role="gridcell" className="money">
              {fmt.money(week.totals.cost, week.currency)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
});
