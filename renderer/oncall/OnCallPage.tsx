import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RotationSaved } from '../../core/oncall';
import type { Team } from '../../core/team';
import { startOfWeek, Temporal } from '../../core/time';
import { call } from '../api/client';
import { useApiQuery } from '../api/queries';
import { useAction } from '../api/useAction';
import { useByName } from '../collate';
import { useBuiltinNames } from '../i18n/useBuiltinNames';
import { FormError } from '../shell/FormError';
import { LoadError } from '../shell/LoadError';
import { useHubDecision, useHubWaiting } from '../roster/hub/useHubWaiting';
import { FairnessTable } from './FairnessTable';
import { HubSwapAsks } from './HubSwapAsks';
import { NowNext } from './NowNext';
import { useOnCallFormat } from './oncallFormat';
import { OverridesPanel } from './OverridesPanel';
import { RestConflicts } from './RestConflicts';
import { RotationEditor } from './RotationEditor';
import { SwapPanel } from './SwapPanel';
import { Timeline } from './Timeline';
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
  // Swaps agents asked for on the team's hub, waiting for the lead: a card beside who is on call.
  const hubSwaps = useHubWaiting(team.id, 'swap');
  const hubDecision = useHubDecision(team.id);
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
      <LoadError errors={[rotationsQuery.error, peopleQuery.error, nextQuery.error, layersQuery.error, finalQuery.error, overridesQuery.error, fairQuery.error, swapQuery.error, ...hubSwaps.errors]} />
      {rotations && (rotations.length > 0 || hubSwaps.waiting.length > 0) && (
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
          {hubSwaps.waiting.length > 0 && <HubSwapAsks team={team} rotations={rotations} waiting={hubSwaps.waiting} decision={hubDecision} />}
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
              <FairnessTable rows={fair} rangeText={rangeText} />
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
