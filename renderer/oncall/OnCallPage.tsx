import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/errors';
import type { Override, Rotation, ScheduleBlock } from '../../core/oncall';
import type { Person } from '../../core/person';
import type { Team } from '../../core/team';
import { todayIn } from '../../core/time';
import { call, CallError } from '../api/client';
import { useApiQuery } from '../api/queries';
import { useAction } from '../api/useAction';
import { LoadError } from '../shell/LoadError';
import { fieldErrors } from '../api/errors';
import { useFormat } from '../format';
import { Field } from '../shell/Field';
import { FormError } from '../shell/FormError';
import { calendarBase, textOn, visibleDays } from '../calendar/fullcalendar';
import { RotationEditor } from './RotationEditor';
import { IdSelect } from '../shell/IdSelect';


interface Props {
  team: Team;
}

/** Who is on call now and next, the month's on-call calendar, overrides, and the rotation's setup. */
export function OnCallPage({ team }: Props) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const rotationsQuery = useApiQuery('rotation.list', { teamId: team.id });
  const peopleQuery = useApiQuery('person.list', { teamId: team.id });
  const rotations = rotationsQuery.data ?? null;
  const people = useMemo(() => peopleQuery.data ?? [], [peopleQuery.data]);
  const [chosenId, setRotationId] = useState<number | 'new' | null>(null);
  // The chosen rotation while it exists, else the first (or a new one when there is none).
  const rotationId = chosenId === 'new' || rotations?.some((x) => x.id === chosenId) ? chosenId : (rotations?.[0]?.id ?? 'new');
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const rotation = rotations?.find((r) => r.id === rotationId) ?? null;
  const today = todayIn(team.timeZone);
  const upcomingQuery = useApiQuery('oncall.schedule', rotation ? { teamId: team.id, rotationId: rotation.id, from: today.subtract({ days: 1 }).toString(), to: today.add({ days: 14 }).toString() } : null);
  const monthQuery = useApiQuery('oncall.schedule', rotation && range ? { teamId: team.id, rotationId: rotation.id, ...range } : null);
  const overridesQuery = useApiQuery('oncall.overrides', rotation && range ? { rotationId: rotation.id, ...range } : null);
  const fairQuery = useApiQuery('oncall.fairness', rotation && range ? { teamId: team.id, rotationId: rotation.id, ...range } : null);
  const upcoming = upcomingQuery.data ?? [];
  const month = monthQuery.data ?? [];
  const overrides = overridesQuery.data ?? [];
  const fair = fairQuery.data ?? [];

  const { error, act } = useAction();


  const byId = useMemo(() => new Map(people.map((p) => [p.id, p])), [people]);
  const now = Date.now();
  const current = upcoming.find((b) => Date.parse(b.start) <= now && Date.parse(b.end) > now) ?? null;
  const next = upcoming.filter((b) => Date.parse(b.start) > now && b.personId !== current?.personId).slice(0, 1)[0] ?? null;
  const when = (iso: string) => `${fmt.dayLong(iso.slice(0, 10))} ${iso.slice(11, 16)}`;
  const { theme, ...base } = calendarBase(team, i18n.language, t('calendar.today'));

  return (
    <section className="card" aria-labelledby="oncall-title">
      <div className="toolbar">
        <h2 id="oncall-title">{t('oncall.title')}</h2>
        {rotations && rotations.length > 0 && (
          <label className="inline">
            <span>{t('oncall.rotation')}</span>
            <select aria-label={t('oncall.rotation')} value={rotationId ?? ''} onChange={(e) => setRotationId(e.target.value === 'new' ? 'new' : Number(e.target.value))}>
              {rotations.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
              <option value="new">{t('oncall.newRotation')}</option>
            </select>
          </label>
        )}
      </div>
      {rotations && rotations.length === 0 && <p className="muted">{t('oncall.none')}</p>}
      <FormError error={error} fieldCount={0} />
      <LoadError errors={[rotationsQuery.error, peopleQuery.error, upcomingQuery.error, monthQuery.error, overridesQuery.error, fairQuery.error]} />
      {rotation && (
        <div className="toolbar">
          {rotation.pausedSince ? (
            <>
              <p role="status" className="paused">
                {t('oncall.pausedSince', { time: when(rotation.pausedSince) })}
              </p>
              <button type="button" onClick={() => void act(() => call('rotation.resume', { id: rotation.id }))}>
                {t('oncall.resume')}
              </button>
            </>
          ) : (
            <button type="button" onClick={() => void act(() => call('rotation.pause', { id: rotation.id }))}>
              {t('oncall.pause')}
            </button>
          )}
        </div>
      )}
      {rotation && (
        <>
          <div className="now-next">
            <section aria-label={t('oncall.now')} className="now">
              <h3>{t('oncall.now')}</h3>
              {current ? (
                <p>
                  <strong>{current.person}</strong> {t('oncall.until', { time: when(current.end) })}
                  <br />
                  <span dir="ltr">{byId.get(current.personId)?.phone}</span>
                </p>
              ) : (
                <p className="muted">{t('oncall.nobody')}</p>
              )}
            </section>
            <section aria-label={t('oncall.next')} className="next">
              <h3>{t('oncall.next')}</h3>
              {next && (
                <p>
                  <strong>{next.person}</strong> {t('oncall.from', { time: when(next.start) })}
                  <br />
                  <span dir="ltr">{byId.get(next.personId)?.phone}</span>
                </p>
              )}
            </section>
          </div>
          <FullCalendar
            {...base}
            plugins={[theme, dayGridPlugin]}
            initialView="dayGridMonth"
            dayMaxEvents={4}
            events={month.map((b, i) => ({
              id: `${i}`,
              title: `${b.person}${b.overrideId !== null ? ` (${t('oncall.layerOverride')})` : ''}`,
              start: b.start,
              end: b.end,
              color: byId.get(b.personId)?.color ?? '#6b7a90',
              contrastColor: textOn(byId.get(b.personId)?.color ?? '#6b7a90'),
            }))}
            datesSet={(info) => {
              const { from, to } = visibleDays(info.start, info.end, team.timeZone);
              setRange((r) => (r && r.from === from && r.to === to ? r : { from, to }));
            }}
          />
          <table className="numbers fairness" aria-label={t('oncall.fairness')}>
            <caption>{t('oncall.fairness')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('people.name')}</th>
                <th scope="col">{t('oncall.fairHours')}</th>
                <th scope="col">{t('oncall.fairNights')}</th>
                <th scope="col">{t('oncall.fairWeekend')}</th>
                <th scope="col">{t('oncall.fairHolidays')}</th>
              </tr>
            </thead>
            <tbody>
              {fair.map((f) => (
                <tr key={f.personId}>
                  <th scope="row">{f.person}</th>
                  <td>{fmt.number(f.hours, 1)}</td>
                  <td>{fmt.number(f.nights)}</td>
                  <td>{fmt.number(f.weekendDays)}</td>
                  <td>{fmt.number(f.holidays)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <OverridesPanel rotation={rotation} people={people} overrides={overrides} />
          <SwapPanel rotation={rotation} blocks={month.filter((b) => b.overrideId === null)} />
        </>
      )}
      {rotations && (rotationId === 'new' || rotation) && (
        <RotationEditor
          key={rotation ? JSON.stringify(rotation) : 'new'}
          team={team}
          people={people}
          rotation={rotation}
          onSaved={(r) => setRotationId(r.id)}
          onArchived={() => setRotationId(null)}
        />
      )}
    </section>
  );
}

function OverridesPanel({ rotation, people, overrides }: { rotation: Rotation; people: Person[]; overrides: Override[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [personId, setPersonId] = useState<number>(people[0]?.id ?? 0);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const errors = fieldErrors(error);
  const name = (id: number) => people.find((p) => p.id === id)?.name ?? String(id);

  async function add(e: FormEvent) {
    e.preventDefault();
    try {
      await call('oncall.addOverride', { rotationId: rotation.id, personId: personId || (people[0]?.id ?? 0), start, end, note });
      setError(null);
      setNote('');
    } catch (err) {
      if (err instanceof CallError) setError(err.error);
      else throw err;
    }
  }

  return (
    <section aria-labelledby="overrides-title" className="overrides">
      <h3 id="overrides-title">{t('oncall.overrides')}</h3>
      {overrides.length === 0 ? (
        <p className="muted">{t('oncall.noOverrides')}</p>
      ) : (
        <ul>
          {overrides.map((o) => (
            <li key={o.id}>
              <strong>{name(o.personId)}</strong> · {fmt.dayLong(o.start.slice(0, 10))} {o.start.slice(11, 16)} – {fmt.dayLong(o.end.slice(0, 10))} {o.end.slice(11, 16)}
              {o.note && ` · ${o.note}`}{' '}
              <button type="button" className="link" aria-label={t('oncall.deleteWho', { name: name(o.personId) })} onClick={() => void call('oncall.deleteOverride', { id: o.id }).then(() => setError(null), (err: unknown) => err instanceof CallError && setError(err.error))}>
                {t('oncall.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="form-grid" onSubmit={(e) => void add(e)} aria-label={t('oncall.addOverride')} noValidate>
        <Field label={t('oncall.covers')} error={errors.get('personId')}>
          {(p) => <IdSelect {...p} items={people} value={personId} onPick={setPersonId} />}
        </Field>
        <Field label={t('oncall.start')} error={errors.get('start')}>
          {(p) => <input {...p} type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} />}
        </Field>
        <Field label={t('oncall.end')} error={errors.get('end')}>
          {(p) => <input {...p} type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} />}
        </Field>
        <Field label={t('oncall.note')} error={errors.get('note')}>
          {(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <FormError error={error} fieldCount={errors.size} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('oncall.addOverride')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Exchange two people's turns: pick both from this month's turns. */
function SwapPanel({ rotation, blocks }: { rotation: Rotation; blocks: ScheduleBlock[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [first, setFirst] = useState(0);
  const [second, setSecond] = useState(1);
  const [error, setError] = useState<ApiError | null>(null);
  const label = (b: ScheduleBlock) => `${b.person} · ${fmt.dayLong(b.start.slice(0, 10))} ${b.start.slice(11, 16)}–${b.end.slice(11, 16)}`;

  async function swap(e: FormEvent) {
    e.preventDefault();
    const a = blocks[first];
    const b = blocks[second];
    if (!a || !b) return;
    try {
      await call('oncall.swap', { rotationId: rotation.id, a: a.personId, aStart: a.start.slice(0, 16), aEnd: a.end.slice(0, 16), b: b.personId, bStart: b.start.slice(0, 16), bEnd: b.end.slice(0, 16) });
      setError(null);
    } catch (err) {
      if (err instanceof CallError) setError(err.error);
      else throw err;
    }
  }

  if (blocks.length < 2) return null;
  return (
    <form className="form-grid swap" onSubmit={(e) => void swap(e)} aria-label={t('oncall.swap')} noValidate>
      <h3>{t('oncall.swap')}</h3>
      {[
        [t('oncall.first'), first, setFirst] as const,
        [t('oncall.second'), second, setSecond] as const,
      ].map(([text, value, set]) => (
        <label key={text} className="field">
          <span>{text}</span>
          <select value={value} onChange={(e) => set(Number(e.target.value))}>
            {blocks.map((b, i) => (
              <option key={`${b.start}-${b.personId}`} value={i}>
                {label(b)}
              </option>
            ))}
          </select>
        </label>
      ))}
      <FormError error={error} fieldCount={0} />
      <div className="actions">
        <button type="submit" className="primary">
          {t('oncall.doSwap')}
        </button>
      </div>
    </form>
  );
}
