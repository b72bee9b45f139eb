import { TimeInput } from '../shell/TimeInput';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/errors';
import { weeklyOpenHours, type ChannelHours } from '../../core/opening-hours';
import type { Team } from '../../core/team';
import { weekStartDay } from '../../core/time';
import { call } from '../api/client';
import { errorText } from '../api/errors';
import { useAction } from '../api/useAction';
import { useFormat } from '../format';
import { useBuiltinNames } from '../i18n/useBuiltinNames';
import { FormError } from '../shell/FormError';

/** A window as typed, HH:MM in 24-hour time like every time in the app (a rota says 07:00–15:00). */
interface WindowDraft {
  open: string;
  close: string;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/**
 * What a channel gets when it stops being open around the clock, a starting point to edit: office
 * hours on the first five days of the team's week (ISO weekday `first` + 1 onwards).
 */
const officeHours = (first: number): WindowDraft[][] => WEEKDAYS.map((d) => ((d - 1 - first + 7) % 7 < 5 ? [{ open: '09:00', close: '17:00' }] : []));

/**
 * What a lead types, in the service's HH:MM: Persian and Arabic digits as ASCII ones, "8" or "830"
 * or "8.30" as 08:00 and 08:30. Anything else goes as typed, and the service's refusal is shown at
 * the field. A window never closes at the very start of its own day, so a close of 00:00 is midnight.
 */
export function normalizeTime(typed: string, closing = false): string {
  const ascii = typed.trim().replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
  const m = /^(\d{1,2})(?:[:.٫]?(\d{2}))?$/.exec(ascii);
  const out = m ? `${(m[1] ?? '').padStart(2, '0')}:${m[2] ?? '00'}` : ascii;
  return closing && out === '00:00' ? '24:00' : out;
}

function draftOf(hours: ChannelHours, first: number): WindowDraft[][] {
  if (!hours.custom) return officeHours(first);
  return WEEKDAYS.map((d) => (hours.weekdays.find((x) => x.weekday === d)?.windows ?? []).map((w) => ({ open: w.openLocal, close: w.closeLocal })));
}

/** The hours the form would save, in the service's shape, for the weekly total beside it (windows it would refuse left out). */
function asHours(channel: string, days: WindowDraft[][], closedOnHolidays: boolean): ChannelHours {
  const valid = (w: { openLocal: string; closeLocal: string }) => /^\d\d:\d\d$/.test(w.openLocal) && /^\d\d:\d\d$/.test(w.closeLocal) && w.openLocal < w.closeLocal && w.closeLocal <= '24:00';
  return {
    channel,
    custom: true,
    closedOnHolidays,
    weekdays: days.map((windows, i) => ({ weekday: i + 1, windows: windows.map((w) => ({ openLocal: normalizeTime(w.open), closeLocal: normalizeTime(w.close, true) })).filter(valid) })),
  };
}

/**
 * When a channel takes contacts: around the clock, or windows per weekday (none: closed), and
 * whether public holidays close it. Outside these hours nothing is required and the contacts
 * the forecast still puts there are reported, not staffed.
 */
export function OpeningHoursForm({ team, hours, saved, onSaved }: { team: Team; hours: ChannelHours; saved: boolean; onSaved(saved: boolean): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useBuiltinNames();
  const [always, setAlways] = useState(!hours.custom);
  const [days, setDays] = useState<WindowDraft[][]>(() => draftOf(hours, weekStartDay(team.weekStart) - 1));
  const [closedOnHolidays, setClosedOnHolidays] = useState(hours.closedOnHolidays);
  // "Saved" is the page's to keep: the form starts afresh from the stored hours once they change.
  const setSaved = onSaved;
  const { error, act } = useAction(() => setSaved(true));
  const idBase = useId();
  const weekdayName = (iso: number) => new Intl.DateTimeFormat(fmt.locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 10, 22 + iso)));

  // Errors by their full path ("weekdays.0.windows.1.closeLocal"): each shows at its own time field.
  const errors = new Map<string, ApiError>();
  for (const e of error ? [error, ...(error.issues ?? [])] : []) {
    const key = e.path.join('.');
    if (!errors.has(key)) errors.set(key, e);
  }
  const placed = [...errors.keys()].filter((k) => k.startsWith('weekdays.')).length;

  const edit = (change: (d: WindowDraft[][]) => WindowDraft[][]) => {
    setSaved(false);
    setDays((d) => change(d.map((w) => w.map((x) => ({ ...x })))));
  };
  const setTime = (day: number, index: number, which: 'open' | 'close', value: string) =>
    edit((d) => {
      const w = d[day]?.[index];
      if (w) w[which] = value;
      return d;
    });
  const addWindow = (day: number) =>
    edit((d) => {
      const windows = d[day] ?? [];
      // After the day's last window when there is room, otherwise the usual office day.
      const last = windows.at(-1);
      const end = last ? normalizeTime(last.close, true) : '';
      const next = /^([01]\d|2[0-2]):\d\d$/.test(end) ? { open: end, close: end < '22:00' ? `${String(Number(end.slice(0, 2)) + 2).padStart(2, '0')}${end.slice(2)}` : '24:00' } : { open: '09:00', close: '17:00' };
      d[day] = [...windows, next];
      return d;
    });
  const removeWindow = (day: number, index: number) =>
    edit((d) => {
      d[day] = (d[day] ?? []).filter((_, i) => i !== index);
      return d;
    });
  // Rows run in the team's week (Saturday first in Tehran); the first day's hours copy to the next
  // four, the rest of a working week wherever it starts (Monday to Friday, Saturday to Wednesday).
  const first = weekStartDay(team.weekStart) - 1;
  const order = WEEKDAYS.map((_, k) => (first + k) % 7);
  const copyFirst = () =>
    edit((d) => {
      const from = d[first] ?? [];
      for (const k of [1, 2, 3, 4]) d[(first + k) % 7] = from.map((x) => ({ ...x }));
      return d;
    });

  function save(e: FormEvent) {
    e.preventDefault();
    void act(() =>
      call('staffing.setOpeningHours', {
        teamId: team.id,
        channel: hours.channel,
        // Every weekday is sent, closed ones with no windows, so an error's weekdays.N is weekday N + 1.
        weekdays: always ? null : days.map((windows, i) => ({ weekday: i + 1, windows: windows.map((w) => ({ openLocal: normalizeTime(w.open), closeLocal: normalizeTime(w.close, true) })) })),
        closedOnHolidays,
      }),
    );
  }

  const weekly = always ? 7 * 24 : weeklyOpenHours(asHours(hours.channel, days, closedOnHolidays));
  const title = t('forecast.hours.title', { channel: names.channel(hours.channel) });
  return (
    <form className="opening-hours" aria-label={title} onSubmit={save} noValidate>
      <h3 id={`${idBase}-title`}>{title}</h3>
      <p className="muted small">{t('forecast.hours.hint')}</p>
      <label className="check">
        <input
          type="checkbox"
          checked={always}
          onChange={(e) => {
            setSaved(false);
            setAlways(e.target.checked);
          }}
        />
        <span>{t('forecast.hours.always')}</span>
      </label>
      {!always && (
        <>
          <div role="group" aria-labelledby={`${idBase}-title`} className="hours-days">
            {order.map((day) => {
              const windows = days[day] ?? [];
              const name = weekdayName(day + 1);
              return (
                <div key={day} className="hours-day" role="group" aria-label={name}>
                  <span className="hours-day-name" aria-hidden="true">
                    {name}
                  </span>
                  <div className="hours-windows">
                    {windows.length === 0 && <span className="muted hours-closed">{t('forecast.hours.closed')}</span>}
                    {windows.map((w, i) => {
                      const openError = errors.get(`weekdays.${day}.windows.${i}.openLocal`);
                      const closeError = errors.get(`weekdays.${day}.windows.${i}.closeLocal`);
                      const rowError = errors.get(`weekdays.${day}.windows.${i}`);
                      const n = windows.length > 1 ? ` (${fmt.number(i + 1)})` : '';
                      // A time half typed is named as typed; a whole one in the screen's digits.
                      const clockOrTyped = (hhmm: string) => (/^\d{2}:\d{2}$/.test(hhmm) ? fmt.clock(hhmm) : hhmm);
                      const errorId = `${idBase}-${day}-${i}-error`;
                      const shown = openError ?? closeError ?? rowError;
                      return (
                        <div key={i} className="hours-window">
                          <TimeInput
                            placeholder={fmt.clock('09:00')}
                            aria-label={`${t('forecast.hours.opens', { day: name })}${n}`}
                            value={w.open}
                            onBlur={(e) => {
                              const typed = normalizeTime(e.target.value);
                              if (typed !== w.open) setTime(day, i, 'open', typed);
                            }}
                            aria-invalid={Boolean(openError ?? rowError)}
                            aria-describedby={shown ? errorId : undefined}
                            onChange={(e) => setTime(day, i, 'open', e.target.value)}
                          />
                          <span aria-hidden="true">–</span>
                          <TimeInput
                            placeholder={fmt.clock('17:00')}
                            aria-label={`${t('forecast.hours.closes', { day: name })}${n}`}
                            value={w.close}
                            onBlur={(e) => {
                              const typed = normalizeTime(e.target.value, true);
                              if (typed !== w.close) setTime(day, i, 'close', typed);
                            }}
                            aria-invalid={Boolean(closeError ?? rowError)}
                            aria-describedby={shown ? errorId : undefined}
                            onChange={(e) => setTime(day, i, 'close', e.target.value)}
                          />
                          <button type="button" className="icon" aria-label={t('forecast.hours.removeWindow', { day: name, from: clockOrTyped(w.open), to: clockOrTyped(w.close) })} title={t('forecast.remove')} onClick={() => removeWindow(day, i)}>
                            ×
                          </button>
                          {shown && (
                            <span id={errorId} role="alert" className="error hours-error">
                              {errorText(t, shown)}
                            </span>
                          )}
                        </div>
                      );
                    })}
                    {errors.get(`weekdays.${day}`) && (
                      <span role="alert" className="error hours-error">
                        {errorText(t, errors.get(`weekdays.${day}`) as ApiError)}
                      </span>
                    )}
                  </div>
                  <div className="hours-day-actions">
                    <button type="button" className="link" aria-label={t('forecast.hours.addWindowOn', { day: name })} onClick={() => addWindow(day)}>
                      <span aria-hidden="true">+ </span>
                      {t('forecast.hours.addWindow')}
                    </button>
                    {day === first && (
                      <button type="button" className="link" onClick={copyFirst}>
                        {t('forecast.hours.copyFirst', { day: name, from: weekdayName(((first + 1) % 7) + 1), to: weekdayName(((first + 4) % 7) + 1) })}
                      </button>
                    )}
                  </div>
                </div>
              );
            })}
          </div>
          <p className="muted small">{t('forecast.hours.midnight')}</p>
        </>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={closedOnHolidays}
          onChange={(e) => {
            setSaved(false);
            setClosedOnHolidays(e.target.checked);
          }}
        />
        <span>{t('forecast.hours.holidays')}</span>
      </label>
      <FormError error={error} fieldCount={placed} />
      <div className="actions">
        <button type="submit">{t('forecast.hours.save')}</button>
        <span className="muted small">{t('forecast.hours.weekly', { hours: fmt.number(weekly, 1) })}</span>
        {saved && !error && (
          <span role="status" className="saved">
            {t('forecast.hours.saved')}
          </span>
        )}
      </div>
    </form>
  );
}
