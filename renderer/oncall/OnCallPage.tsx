import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/errors';
import type { Override, Rotation, RotationSaved, ScheduleBlock } from '../../core/oncall';
import type { Person } from '../../core/person';
import type { Team } from '../../core/team';
import { startOfWeek, Temporal } from '../../core/time';
import { call, CallError } from '../api/client';
import { useApiQuery } from '../api/queries';
import { useAction } from '../api/useAction';
import { LoadError } from '../shell/LoadError';
import { fieldErrors } from '../api/errors';
import { Field } from '../shell/Field';
import { FormError } from '../shell/FormError';
import { RotationEditor } from './RotationEditor';
import { ruleParams, useBuiltinNames } from '../i18n/useBuiltinNames';
import { IdSelect } from '../shell/IdSelect';
import { Timeline } from './Timeline';
import { useOnCallFormat } from './oncallFormat';
import { useByName } from '../collate';
import { swappableTurns } from './turns';
import './oncall.css';

interface Props {
  team: Team;
}

/** How many days the timeline shows at once. */
const SPANS = [7, 14, 28] as const;
type SpanDays = (typeof SPANS)[number];
/** How far ahead the swap form offers turns. */
const SWAP_DAYS = 56;

/** Renders again every minute so "on call now" and the timeline's line keep up when nothing else changes. */
function useMinuteTick(): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 60_000);
    return () => clearInterval(timer);
  }, []);
}

/**
 * The on-call page: who is on call now and next in every rotation, the timeline of each
 * rotation's layers, overrides and final schedule over a chosen range, and below it one
 * rotation's load, overrides, swaps and setup.
 */
export function OnCallPage({ team }: Props) {
  const { t } = useTranslation();
  const f = useOnCallFormat();
  const names = useBuiltinNames();
  const fmt = f.fmt;
  useMinuteTick();
  // Read afresh on every render: a pause or override that just began must meet the present, not the last tick.
  const nowMs = Date.now();
  const nowZoned = Temporal.Instant.fromEpochMilliseconds(nowMs).toZonedDateTimeISO(team.timeZone);
  const today = nowZoned.toPlainDate();
  const nowLocal = nowZoned.toPlainDateTime().toString().slice(0, 16);

  const rotationsQuery = useApiQuery('rotation.list', { teamId: team.id });
  const peopleQuery = useApiQuery('person.list', { teamId: team.id });
  const rotations = rotationsQuery.data ?? null;
  const people = useByName(peopleQuery.data);
  const byId = useMemo(() => new Map(people.map((p) => [p.id, p])), [people]);

  // The timeline: which rotations, and which days.
  const [shown, setShown] = useState<number | 'all'>('all');
  const shownId = shown !== 'all' && rotations?.some((r) => r.id === shown) ? shown : null;
  const [spanDays, setSpanDays] = useState<SpanDays>(14);
  const [firstDay, setFirstDay] = useState(() => startOfWeek(today, team.weekStart).toString());
  const first = Temporal.PlainDate.from(firstDay);
  const days = useMemo(() => Array.from({ length: spanDays }, (_, i) => Temporal.PlainDate.from(firstDay).add({ days: i }).toString()), [firstDay, spanDays]);
  const range = { from: firstDay, to: first.add({ days: spanDays - 1 }).toString() };
  const layersQuery = useApiQuery('oncall.layers', rotations && rotations.length > 0 ? { teamId: team.id, rotationId: shownId, ...range } : null);
  const finalQuery = useApiQuery('oncall.schedule', rotations && rotations.length > 0 ? { teamId: team.id, rotationId: shownId, ...range } : null);

  // Now and next, for every rotation: from yesterday (a turn that began then) two weeks on.
  const nextQuery = useApiQuery('oncall.schedule', rotations && rotations.length > 0 ? { teamId: team.id, rotationId: null, from: today.subtract({ days: 1 }).toString(), to: today.add({ days: 14 }).toString() } : null);

  // The rotation the tools below work on.
  const [chosenId, setRotationId] = useState<number | 'new' | null>(null);
  const rotationId = chosenId === 'new' || rotations?.some((x) => x.id === chosenId) ? chosenId : (rotations?.[0]?.id ?? 'new');
  const rotation = rotations?.find((r) => r.id === rotationId) ?? null;
  const overridesQuery = useApiQuery('oncall.overrides', rotation ? { rotationId: rotation.id, ...range } : null);
  const fairQuery = useApiQuery('oncall.fairness', rotation ? { teamId: team.id, rotationId: rotation.id, ...range } : null);
  const swapQuery = useApiQuery('oncall.schedule', rotation ? { teamId: team.id, rotationId: rotation.id, from: today.toString(), to: today.add({ days: SWAP_DAYS - 1 }).toString() } : null);
  const fair = fairQuery.data ?? [];
  const [saved, setSaved] = useState<RotationSaved | null>(null);

  const { error, act } = useAction();
  const shownRotations = (rotations ?? []).filter((r) => shownId === null || r.id === shownId);
  const move = (days: number) => setFirstDay(first.add({ days }).toString());
  const rangeText = `${fmt.day(range.from)} – ${fmt.day(range.to)}`;

  return (
    <section className="card" aria-labelledby="oncall-title">
      <div className="toolbar">
        <h2 id="oncall-title">{t('oncall.title')}</h2>
      </div>
      {rotations && rotations.length === 0 && <p className="muted">{t('oncall.none')}</p>}
      <FormError error={error} fieldCount={0} />
      <LoadError errors={[rotationsQuery.error, peopleQuery.error, nextQuery.error, layersQuery.error, finalQuery.error, overridesQuery.error, fairQuery.error, swapQuery.error]} />
      {rotations && rotations.length > 0 && (
        <div className="oncall-cards">
          {rotations.map((r) => (
            <NowNext
              key={r.id}
              rotation={r}
              blocks={(nextQuery.data ?? []).filter((b) => b.rotationId === r.id)}
              horizonUtc={Temporal.PlainDate.from(today.add({ days: 15 })).toZonedDateTime({ timeZone: team.timeZone }).epochMilliseconds / 1000}
              people={byId}
              nowMs={nowMs}
              onPause={() => void act(() => call(r.pausedSince ? 'rotation.resume' : 'rotation.pause', { id: r.id }))}
            />
          ))}
        </div>
      )}
      {rotations && rotations.length > 0 && (
        <section aria-labelledby="timeline-title">
          <h3 id="timeline-title" className="visually-hidden">
            {t('oncall.timeline')}
          </h3>
          <div className="timeline-tools">
            <label className="inline">
              <span>{t('oncall.show')}</span>
              <select value={shownId ?? 'all'} onChange={(e) => setShown(e.target.value === 'all' ? 'all' : Number(e.target.value))}>
                <option value="all">{t('oncall.allRotations')}</option>
                {rotations.map((r) => (
                  <option key={r.id} value={r.id}>
                    {names.rotation(r.name)}
                  </option>
                ))}
              </select>
            </label>
            <label className="inline">
              <span>{t('oncall.span')}</span>
              <select value={spanDays} onChange={(e) => setSpanDays(Number(e.target.value) as SpanDays)}>
                {SPANS.map((n) => (
                  <option key={n} value={n}>
                    {t('oncall.spanWeeks', { count: n / 7 })}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={() => move(-spanDays)}>
              {t('oncall.earlier')}
            </button>
            <button type="button" onClick={() => setFirstDay(startOfWeek(today, team.weekStart).toString())}>
              {t('oncall.thisWeek')}
            </button>
            <button type="button" onClick={() => move(spanDays)}>
              {t('oncall.later')}
            </button>
            <span className="range" aria-live="polite">
              {rangeText}
            </span>
          </div>
          {shownRotations.map((r) => (
            <Timeline
              key={r.id}
              team={team}
              rotation={r}
              people={byId}
              days={days}
              layerBlocks={(layersQuery.data ?? []).filter((b) => b.rotationId === r.id)}
              finalBlocks={(finalQuery.data ?? []).filter((b) => b.rotationId === r.id)}
              nowLocal={nowLocal}
            />
          ))}
        </section>
      )}
      {rotations && (
        <section className="oncall-tools" aria-labelledby="oncall-tools-title">
          <div className="toolbar">
            <h3 id="oncall-tools-title">{t('oncall.manage')}</h3>
            {rotations.length > 0 && (
              <label className="inline">
                <span>{t('oncall.rotation')}</span>
                <select aria-label={t('oncall.rotation')} value={rotationId ?? ''} onChange={(e) => setRotationId(e.target.value === 'new' ? 'new' : Number(e.target.value))}>
                  {rotations.map((r) => (
                    <option key={r.id} value={r.id}>
                      {names.rotation(r.name)}
                    </option>
                  ))}
                  <option value="new">{t('oncall.newRotation')}</option>
                </select>
              </label>
            )}
          </div>
          {rotation && (
            <>
              <table className="numbers fairness" aria-label={t('oncall.fairnessRange', { range: rangeText })}>
                <caption>{t('oncall.fairnessRange', { range: rangeText })}</caption>
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
                  {fair.map((x) => (
                    <tr key={x.personId}>
                      <th scope="row">{x.person}</th>
                      <td>{fmt.number(x.hours, 1)}</td>
                      <td>{fmt.number(x.nights)}</td>
                      <td>{fmt.number(x.weekendDays)}</td>
                      <td>{fmt.number(x.holidays)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <OverridesPanel rotation={rotation} people={people} overrides={overridesQuery.data ?? []} />
              <SwapPanel rotation={rotation} blocks={swapQuery.data ?? []} lastDay={today.add({ days: SWAP_DAYS }).toString()} nowMs={nowMs} />
            </>
          )}
          {(rotationId === 'new' || rotation) && (
            <RotationEditor
              key={rotation ? JSON.stringify(rotation) : 'new'}
              team={team}
              people={people}
              rotation={rotation}
              onSaved={(r) => {
                setSaved(r);
                setRotationId(r.id);
              }}
              onArchived={() => {
                setSaved(null);
                setRotationId(null);
              }}
            />
          )}
          {saved && (saved.id === rotation?.id) && <RestConflicts saved={saved} onDismiss={() => setSaved(null)} />}
        </section>
      )}
    </section>
  );
}

/** Who is on call in one rotation now (until when) and who is next (from when), with their phones. */
function NowNext({ rotation, blocks, horizonUtc, people, nowMs, onPause }: { rotation: Rotation; blocks: readonly ScheduleBlock[]; horizonUtc: number; people: ReadonlyMap<number, Person>; nowMs: number; onPause(): void }) {
  const { t } = useTranslation();
  const f = useOnCallFormat();
  const names = useBuiltinNames();
  const nowS = nowMs / 1000;
  const current = blocks.find((b) => b.startUtc <= nowS && b.endUtc > nowS) ?? null;
  // A turn that goes straight on in another layer is still the same person on call: "until" is where it ends.
  let until = current;
  for (const b of blocks) if (until && b.startUtc === until.endUtc && b.personId === until.personId) until = b;
  const next = blocks.find((b) => b.startUtc >= (until?.endUtc ?? nowS) && b.startUtc > nowS && b.personId !== current?.personId) ?? null;
  const phone = (id: number) => people.get(id)?.phone;
  const headingId = `now-${rotation.id}`;
  return (
    <section className={rotation.pausedSince ? 'oncall-card paused' : 'oncall-card'} aria-labelledby={headingId}>
      <h3 id={headingId}>{names.rotation(rotation.name)}</h3>
      {rotation.pausedSince ? (
        <p role="status" className="paused">
          {t('oncall.pausedSince', { time: f.moment(rotation.pausedSince) })}
        </p>
      ) : (
        <dl>
          <dt>{t('oncall.now')}</dt>
          <dd data-testid="now">
            {current && until ? (
              <>
                {/* The name, then when the turn ends as its own phrase ("Do: niedziela, 29 listopada 20:00"): no weekday has to decline after a preposition. */}
                <strong>{current.person}</strong>
                <br />
                {until.endUtc >= horizonUtc ? t('oncall.noHandoff') : t('oncall.until', { time: f.moment(until.end) })}
                {phone(current.personId) && (
                  <>
                    <br />
                    <span className="phone" dir="ltr" translate="no">
                      {phone(current.personId)}
                    </span>
                  </>
                )}
              </>
            ) : (
              <span className="muted">{t('oncall.nobody')}</span>
            )}
          </dd>
          <dt>{t('oncall.next')}</dt>
          <dd>
            {next ? (
              <>
                <strong>{next.person}</strong>
                <br />
                {t('oncall.from', { time: f.moment(next.start) })}
                {phone(next.personId) && (
                  <>
                    <br />
                    <span className="phone" dir="ltr" translate="no">
                      {phone(next.personId)}
                    </span>
                  </>
                )}
              </>
            ) : (
              <span className="muted">{t('oncall.nobodyNext')}</span>
            )}
          </dd>
        </dl>
      )}
      <button type="button" onClick={onPause}>
        {rotation.pausedSince ? t('oncall.resume') : t('oncall.pause')}
      </button>
    </section>
  );
}

/** After saving: the people whose shifts the rotation's standby leaves too little rest, day by day, in the rule's words. */
function RestConflicts({ saved, onDismiss }: { saved: RotationSaved; onDismiss(): void }) {
  const { t } = useTranslation();
  const f = useOnCallFormat();
  const names = useBuiltinNames();
  const rotationName = names.rotation(saved.name);
  // One line per person and day, with the day's shortest rest: a night's standby can clash with the shift before and the one after.
  const worst = new Map<string, RotationSaved['conflicts'][number]>();
  for (const v of saved.conflicts) {
    const key = `${v.personId}|${v.day}`;
    const seen = worst.get(key);
    if (!seen || Number(v.params.hours) < Number(seen.params.hours)) worst.set(key, v);
  }
  const lines = [...worst.values()];
  const clear = lines.length === 0;
  return (
    <section className={clear ? 'rest-conflicts clear' : 'rest-conflicts'} role={clear ? 'status' : 'alert'} aria-labelledby="rest-conflicts-title">
      <h3 id="rest-conflicts-title">{clear ? t('oncall.noConflicts', { rotation: rotationName }) : t('oncall.conflicts', { rotation: rotationName, count: lines.length })}</h3>
      {!clear && (
        <ul>
          {lines.map((v) => (
            <li key={`${v.personId}-${v.day}`}>
              <strong>{v.personName}</strong> · {f.fmt.dayLong(v.day)} · {t(`rules.${v.rule}`, ruleParams(v.params, names))}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="link" onClick={onDismiss}>
        {t('oncall.dismiss')}
      </button>
    </section>
  );
}

function OverridesPanel({ rotation, people, overrides }: { rotation: Rotation; people: Person[]; overrides: Override[] }) {
  const { t } = useTranslation();
  const f = useOnCallFormat();
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
              <strong>{name(o.personId)}</strong> · {f.span(o.start, o.end)}
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

/** Exchange two people's future turns, each named by person and its full start and end. */
function SwapPanel({ rotation, blocks, lastDay, nowMs }: { rotation: Rotation; blocks: readonly ScheduleBlock[]; lastDay: string; nowMs: number }) {
  const { t } = useTranslation();
  const f = useOnCallFormat();
  const turns = useMemo(() => swappableTurns(blocks, nowMs, lastDay), [blocks, nowMs, lastDay]);
  const [first, setFirst] = useState<number | null>(null);
  const [second, setSecond] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const label = (b: ScheduleBlock) => `${b.person} · ${f.span(b.start, b.end)}`;
  // Picks are kept by start instant, so a refetch does not move them to another turn.
  const a = turns.find((b) => b.startUtc === first) ?? turns[0];
  const b2 = turns.find((b) => b.startUtc === second) ?? turns.find((b) => b.personId !== a?.personId) ?? turns[1];

  async function swap(e: FormEvent) {
    e.preventDefault();
    if (!a || !b2) return;
    try {
      await call('oncall.swap', { rotationId: rotation.id, a: a.personId, aStart: a.start.slice(0, 16), aEnd: a.end.slice(0, 16), b: b2.personId, bStart: b2.start.slice(0, 16), bEnd: b2.end.slice(0, 16) });
      setError(null);
      setFirst(null);
      setSecond(null);
    } catch (err) {
      if (err instanceof CallError) setError(err.error);
      else throw err;
    }
  }

  if (turns.length < 2) return null;
  return (
    <form className="form-grid swap" onSubmit={(e) => void swap(e)} aria-label={t('oncall.swap')} noValidate>
      <h3>{t('oncall.swap')}</h3>
      {[
        [t('oncall.first'), a, setFirst] as const,
        [t('oncall.second'), b2, setSecond] as const,
      ].map(([text, value, set]) => (
        <label key={text} className="field">
          <span>{text}</span>
          <select value={value?.startUtc ?? ''} onChange={(e) => set(Number(e.target.value))}>
            {turns.map((b) => (
              <option key={b.startUtc} value={b.startUtc}>
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
