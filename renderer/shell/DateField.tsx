import { useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { parseCalendarDate } from '../../core/calendar';
import { monthLayout, shiftMonths, weekdayOrder } from '../../core/monthLayout';
import { Temporal, type WeekStart } from '../../core/time';
import { useFormat, type Format } from '../format';
import { dayNumber, fieldText, fullDate } from './dateText';

interface DateFieldProps {
  /** The day as an ISO date (YYYY-MM-DD), or '' for none. */
  value: string;
  /** Called with the ISO day typed or picked, or '' when the text was cleared. */
  onChange(day: string): void;
  /** The team's first weekday, for the picker's weeks; Monday when no team is known. */
  weekStart?: WeekStart | undefined;
  id?: string | undefined;
  disabled?: boolean | undefined;
  className?: string | undefined;
  'aria-label'?: string | undefined;
  'aria-invalid'?: boolean | undefined;
  'aria-describedby'?: string | undefined;
}

/**
 * A date typed and picked in the calendar on screen (Solar Hijri on a Persian screen by
 * default), in the screen's digits; Persian and Latin digits are both read. The browser's own
 * date input knows only the Gregorian calendar and Latin digits. Value in and out is an ISO day.
 *
 * The text input is a combobox (WAI-ARIA date picker pattern): Down or Alt+Down opens a month
 * grid; arrows move the day, PageUp/PageDown the month (with Shift the year), Home/End the
 * week, Enter picks, Escape closes and gives focus back. The calendar button beside it is the
 * same for a mouse, kept out of the tab order and out of the label's name.
 */
export function DateField({ value, onChange, weekStart = 'mon', id, disabled, className, 'aria-invalid': invalidFromForm, 'aria-describedby': describedBy, 'aria-label': ariaLabel }: DateFieldProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const errorId = useId();
  const popupId = useId();
  // What the person is typing, or null to show the value as the screen writes it.
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const wrapper = useRef<HTMLSpanElement>(null);

  const text = draft ?? fieldText(value, fmt);
  const today = Temporal.Now.plainDateISO().toString();

  function type(next: string) {
    setDraft(next);
    const day = parseCalendarDate(next, fmt.calendar);
    if (day !== null) {
      setInvalid(false);
      if (day !== value) onChange(day);
    }
  }

  /** Done typing (focus left, or Enter): a day shows as the screen writes it; anything else says why. */
  function settle() {
    if (draft === null) return;
    if (draft.trim() === '') {
      setDraft(null);
      setInvalid(false);
      if (value !== '') onChange('');
      return;
    }
    if (parseCalendarDate(draft, fmt.calendar) !== null) {
      setDraft(null);
      setInvalid(false);
    } else setInvalid(true);
  }

  function pick(day: string) {
    setDraft(null);
    setInvalid(false);
    setOpen(false);
    if (day !== value) onChange(day);
    input.current?.focus();
  }

  function onInputKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      settle();
      setOpen(true);
    } else if (e.key === 'Enter') {
      // Enter settles the text; in a form it should not also submit a half-typed date.
      if (draft !== null && parseCalendarDate(draft, fmt.calendar) === null && draft.trim() !== '') e.preventDefault();
      settle();
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
    }
  }

  const example = fieldText(value || today, fmt);
  const message = invalid ? (value ? t('dateField.invalid', { example, current: fieldText(value, fmt) }) : t('dateField.invalidEmpty', { example })) : '';
  const described = [describedBy, invalid ? errorId : ''].filter(Boolean).join(' ') || undefined;

  return (
    <span ref={wrapper} className={`date-field${className ? ` ${className}` : ''}`}>
      <span className="date-field-row">
        <input
          ref={input}
          id={id}
          type="text"
          role="combobox"
          aria-haspopup="dialog"
          aria-expanded={open}
          aria-controls={open ? popupId : undefined}
          aria-label={ariaLabel}
          aria-invalid={invalid || Boolean(invalidFromForm)}
          aria-describedby={described}
          autoComplete="off"
          spellCheck={false}
          inputMode="numeric"
          size={11}
          disabled={disabled}
          value={text}
          onChange={(e) => type(e.target.value)}
          onBlur={settle}
          onKeyDown={onInputKey}
        />
        <button
          type="button"
          className="date-field-button"
          tabIndex={-1}
          aria-hidden="true"
          title={t('dateField.choose')}
          disabled={disabled}
          onClick={() => {
            settle();
            setOpen((o) => !o);
          }}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <rect x="1.5" y="2.5" width="13" height="12" rx="1.5" fill="none" stroke="currentColor" />
            <path d="M1.5 6h13M5 1v3M11 1v3" stroke="currentColor" />
          </svg>
        </button>
      </span>
      {invalid && (
        <>
          {/* Inside a caller's <label> this text would join the field's name: it is the field's
              description instead, and a live region outside the label says it once. */}
          <span id={errorId} aria-hidden="true" className="error date-field-error">
            {message}
          </span>
          {createPortal(
            <span role="alert" className="visually-hidden">
              {message}
            </span>,
            wrapper.current?.closest('dialog') ?? document.body,
          )}
        </>
      )}
      {open && (
        <DatePicker
          id={popupId}
          anchor={wrapper.current}
          value={value || today}
          today={today}
          weekStart={weekStart}
          fmt={fmt}
          onPick={pick}
          onClose={(refocus) => {
            setOpen(false);
            if (refocus) input.current?.focus();
          }}
        />
      )}
    </span>
  );
}

/** Where the picker goes: under the field (above it when there is no room), from its start edge. */
function placeBy(anchor: HTMLElement | null, popup: HTMLElement | null): CSSProperties {
  if (!anchor) return { position: 'fixed', top: 0, left: 0 };
  const r = anchor.getBoundingClientRect();
  const rtl = getComputedStyle(anchor).direction === 'rtl';
  const height = popup?.offsetHeight ?? 320;
  const below = r.bottom + 4 + height <= window.innerHeight || r.top < height;
  return {
    position: 'fixed',
    ...(below ? { top: r.bottom + 4 } : { top: Math.max(4, r.top - 4 - height) }),
    ...(rtl ? { right: Math.max(4, window.innerWidth - r.right) } : { left: Math.max(4, r.left) }),
  };
}

interface PickerProps {
  id: string;
  anchor: HTMLElement | null;
  value: string;
  today: string;
  weekStart: WeekStart;
  fmt: Format;
  onPick(day: string): void;
  onClose(refocus: boolean): void;
}

/**
 * The month grid under a date field, in a portal so its text is no part of the field's label;
 * inside the field's modal dialog when there is one, else the modal would make it inert.
 */
function DatePicker({ id, anchor, value, today, weekStart, fmt, onPick, onClose }: PickerProps) {
  const { t } = useTranslation();
  const [focus, setFocus] = useState(value);
  // Focus follows the day moved to by keyboard, not a click on the month buttons.
  const [focusDay, setFocusDay] = useState(true);
  const [place, setPlace] = useState<CSSProperties>(() => placeBy(anchor, null));
  const popup = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const layout = monthLayout(focus, fmt.calendar, weekStart);

  useLayoutEffect(() => {
    const measure = () => setPlace(placeBy(anchor, popup.current));
    measure();
    window.addEventListener('resize', measure);
    window.addEventListener('scroll', measure, true);
    return () => {
      window.removeEventListener('resize', measure);
      window.removeEventListener('scroll', measure, true);
    };
  }, [anchor]);

  useEffect(() => {
    if (focusDay) popup.current?.querySelector<HTMLButtonElement>(`button[data-day="${focus}"]`)?.focus();
  }, [focus, focusDay]);

  useEffect(() => {
    function outside(e: MouseEvent) {
      const target = e.target as Node;
      if (!popup.current?.contains(target) && !anchor?.contains(target)) onClose(false);
    }
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [anchor, onClose]);

  function move(day: string) {
    setFocusDay(true);
    setFocus(day);
  }

  function onGridKey(e: KeyboardEvent<HTMLTableElement>) {
    const day = Temporal.PlainDate.from(focus);
    // In a right-to-left grid the next day is to the left.
    const forward = getComputedStyle(e.currentTarget).direction === 'rtl' ? -1 : 1;
    const weekday = weekdayOrder(weekStart).indexOf(day.dayOfWeek);
    const to: Record<string, () => string> = {
      ArrowRight: () => day.add({ days: forward }).toString(),
      ArrowLeft: () => day.subtract({ days: forward }).toString(),
      ArrowDown: () => day.add({ days: 7 }).toString(),
      ArrowUp: () => day.subtract({ days: 7 }).toString(),
      Home: () => day.subtract({ days: weekday }).toString(),
      End: () => day.add({ days: 6 - weekday }).toString(),
      PageUp: () => shiftMonths(focus, fmt.calendar, e.shiftKey ? -12 : -1),
      PageDown: () => shiftMonths(focus, fmt.calendar, e.shiftKey ? 12 : 1),
    };
    const next = to[e.key];
    if (next) {
      e.preventDefault();
      move(next());
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onPick(focus);
    }
  }

  const content = (
    <div
      ref={popup}
      id={id}
      role="dialog"
      aria-modal="false"
      aria-label={t('dateField.picker', { date: fmt.month(focus) })}
      className="date-picker"
      style={place}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose(true);
        }
      }}
      onBlur={(e) => {
        // Tabbing out of the picker closes it; a click outside is caught by the mousedown listener.
        const next = e.relatedTarget as Node | null;
        if (next && !popup.current?.contains(next)) onClose(false);
      }}
    >
      <div className="date-picker-head">
        <button type="button" aria-label={t('dateField.previousMonth')} onClick={() => (setFocusDay(false), setFocus(shiftMonths(focus, fmt.calendar, -1)))}>
          <span aria-hidden="true" className="flip-rtl">‹</span>
        </button>
        <strong id={titleId} aria-live="polite">
          {fmt.month(focus)}
        </strong>
        <button type="button" aria-label={t('dateField.nextMonth')} onClick={() => (setFocusDay(false), setFocus(shiftMonths(focus, fmt.calendar, 1)))}>
          <span aria-hidden="true" className="flip-rtl">›</span>
        </button>
      </div>
      <table role="grid" aria-labelledby={titleId} onKeyDown={onGridKey}>
        <thead>
          <tr>
            {weekdayOrder(weekStart).map((d) => (
              <th key={d} scope="col" abbr={fmt.isoWeekday(d)}>
                {fmt.isoWeekday(d)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {layout.weeks.map((week, row) => (
            <tr key={row}>
              {week.map((day, col) =>
                day === null ? (
                  <td key={col} role="gridcell" />
                ) : (
                  <td key={day} role="gridcell" aria-selected={day === value}>
                    <button
                      type="button"
                      data-day={day}
                      tabIndex={day === focus ? 0 : -1}
                      aria-label={fullDate(day, fmt)}
                      aria-current={day === today ? 'date' : undefined}
                      className={day === value ? 'picked' : undefined}
                      onClick={() => onPick(day)}
                    >
                      {dayNumber(day, fmt)}
                    </button>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return createPortal(content, anchor?.closest('dialog') ?? document.body);
}
