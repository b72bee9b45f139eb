import { useTranslation } from 'react-i18next';
import type { LayerBlock, Rotation, ScheduleBlock } from '../../core/oncall';
import type { Person } from '../../core/person';
import type { Team } from '../../core/team';
import { textOn } from '../calendar/fullcalendar';
import { useOnCallFormat } from './oncallFormat';
import { useBuiltinNames } from '../i18n/useBuiltinNames';
import { describeWindows } from './windows';

/**
 * The on-call timeline of one rotation, as schedule views draw it: a row per layer (its own
 * turns within its windows), a row of overrides and the final schedule, as bars over the days
 * of the range. Bars are coloured by person and named for screen readers "Person, from – to (layer)".
 */

const FALLBACK_COLOUR = '#6b7a90';

/** Days since 1970 of a calendar date "YYYY-MM-DD" (a date, not an instant: UTC on both sides). */
function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 86_400_000;
}

/** Where a team-local instant ("2026-11-28T08:00:00+03:00") falls, in days from the range's first day. */
function position(iso: string, firstDay: number): number {
  const [h, m] = iso.slice(11, 16).split(':').map(Number);
  return dayNumber(iso.slice(0, 10)) - firstDay + ((h ?? 0) * 60 + (m ?? 0)) / 1440;
}

/** "Ayşe Yılmaz" → "AY": what a bar too narrow for the name shows (the full name is its accessible name and tooltip). */
function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => [...w][0] ?? '')
    .join('')
    .slice(0, 3);
}

export interface TimelineProps {
  team: Team;
  rotation: Rotation;
  people: ReadonlyMap<number, Person>;
  /** The range's days, first to last (team-local dates). */
  days: readonly string[];
  layerBlocks: readonly LayerBlock[];
  finalBlocks: readonly ScheduleBlock[];
  /** Now as a team-local date and time "YYYY-MM-DDTHH:MM". */
  nowLocal: string;
}

interface Bar {
  key: string;
  personId: number;
  person: string;
  start: string;
  end: string;
  /** Where the bar came from, said after its times. */
  source: string;
  override: boolean;
}

export function Timeline({ team, rotation, people, days, layerBlocks, finalBlocks, nowLocal }: TimelineProps) {
  const { t } = useTranslation();
  const f = useOnCallFormat();
  const names = useBuiltinNames();
  const rotationName = names.rotation(rotation.name);
  const first = dayNumber(days[0] ?? '1970-01-01');
  const count = days.length;
  const today = nowLocal.slice(0, 10);
  const nowAt = position(`${nowLocal}:00`, first);
  const isoWeekday = (day: string) => ((new Date(dayNumber(day) * 86_400_000).getUTCDay() + 6) % 7) + 1;
  const overrideWord = t('oncall.layerOverride');

  const rows: { id: string; title: string; detail: string | null; bars: Bar[]; className: string }[] = [
    ...rotation.layers.map((l) => ({
      id: `layer-${l.id}`,
      title: names.layer(l.name),
      detail: describeWindows(l.restrictions, f.words),
      className: 'tl-row',
      bars: layerBlocks
        .filter((b) => b.layerId === l.id)
        .map((b) => ({ key: `${b.startUtc}`, personId: b.personId, person: b.person, start: b.start, end: b.end, source: names.layer(l.name), override: false })),
    })),
    {
      id: 'overrides',
      title: t('oncall.overrides'),
      detail: null,
      className: 'tl-row tl-overrides',
      bars: finalBlocks
        .filter((b) => b.overrideId !== null)
        .map((b) => ({ key: `${b.startUtc}`, personId: b.personId, person: b.person, start: b.start, end: b.end, source: overrideWord, override: true })),
    },
    {
      id: 'final',
      title: t('oncall.finalSchedule'),
      detail: null,
      className: 'tl-row tl-final',
      bars: finalBlocks.map((b) => ({ key: `${b.startUtc}`, personId: b.personId, person: b.person, start: b.start, end: b.end, source: b.overrideId !== null ? overrideWord : names.layer(b.layer), override: b.overrideId !== null })),
    },
  ];
  const onCallPeople = [...new Map(finalBlocks.map((b) => [b.personId, b.person])).entries()];
  for (const b of layerBlocks) if (!onCallPeople.some(([id]) => id === b.personId)) onCallPeople.push([b.personId, b.person]);

  const grid = (
    <div className="tl-grid" aria-hidden="true">
      {days.map((d) => (
        <div key={d} className={['tl-day', team.rules.weekendDays.includes(isoWeekday(d)) ? 'weekend' : '', d === today ? 'today' : ''].join(' ').trim()} />
      ))}
    </div>
  );
  const prefix = `tl-${rotation.id}`;
  return (
    <section className="timeline" aria-label={t('oncall.timelineOf', { rotation: rotationName })}>
      <h3 id={`${prefix}-title`}>
        {rotationName}
        {rotation.pausedSince && <span className="tl-paused"> · {t('oncall.paused')}</span>}
      </h3>
      <div className="tl" style={{ ['--tl-days' as string]: count }}>
        <div className="tl-head" aria-hidden="true">
          <div className="tl-label" />
          <div className="tl-dates">
            {days.map((d) => (
              <div key={d} className={['tl-date', team.rules.weekendDays.includes(isoWeekday(d)) ? 'weekend' : '', d === today ? 'today' : ''].join(' ').trim()}>
                <span className="tl-weekday">{f.fmt.weekday(d)}</span>
                <span className="tl-daynum">{f.dayNumber(d)}</span>
              </div>
            ))}
          </div>
        </div>
        {rows.map((row) => (
          <div key={row.id} className={row.className}>
            <div className="tl-label" aria-hidden="true">
              <span className="tl-title">{row.title}</span>
              {row.detail && <span className="tl-detail">{row.detail}</span>}
            </div>
            <div className="tl-track">
              {grid}
              <ul className="tl-bars" aria-label={row.detail ? t('oncall.layerRow', { layer: row.title, windows: row.detail }) : row.title}>
                {row.bars.map((b) => {
                  const from = Math.max(0, position(b.start, first));
                  const to = Math.min(count, position(b.end, first));
                  if (to <= from) return null;
                  const colour = people.get(b.personId)?.color ?? FALLBACK_COLOUR;
                  const name = t('oncall.barName', { person: b.person, span: f.span(b.start, b.end), layer: b.source });
                  return (
                    <li
                      key={b.key}
                      tabIndex={0}
                      aria-label={name}
                      title={name}
                      className={b.override ? 'tl-bar override' : 'tl-bar'}
                      style={{ insetInlineStart: `${(from / count) * 100}%`, width: `${((to - from) / count) * 100}%`, background: colour, color: textOn(colour) }}
                    >
                      <span className="tl-name full" dir="auto">
                        {b.person}
                      </span>
                      <span className="tl-name short" dir="auto">
                        {initials(b.person)}
                      </span>
                    </li>
                  );
                })}
              </ul>
              {nowAt >= 0 && nowAt <= count && <div className="tl-now" aria-hidden="true" style={{ insetInlineStart: `${(nowAt / count) * 100}%` }} />}
            </div>
          </div>
        ))}
      </div>
      {onCallPeople.length > 0 && (
        <ul className="tl-legend" aria-label={t('oncall.legend', { rotation: rotationName })}>
          {onCallPeople.map(([id, name]) => {
            const colour = people.get(id)?.color ?? FALLBACK_COLOUR;
            return (
              <li key={id}>
                <span className="tl-swatch" aria-hidden="true" style={{ background: colour }} />
                {name}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
