import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/errors';
import type { Restriction, Rotation, RotationSaved } from '../../core/oncall';
import type { Person } from '../../core/person';
import type { Team } from '../../core/team';
import { startOfWeek, todayIn } from '../../core/time';
import { call, CallError } from '../api/client';
import { FormError } from '../shell/FormError';
import { useOnCallFormat } from './oncallFormat';
import { useBuiltinNames } from '../i18n/useBuiltinNames';
import { describeWindows } from './windows';
import { DateField } from '../shell/DateField';
import { TimeInput } from '../shell/TimeInput';
import { NumberInput } from '../shell/NumberInput';

/** The windows a lead picks most; any other set is "custom", said in words and edited window by window. */
const PRESETS: Record<'always' | 'weeknights' | 'eveningsWeekends' | 'weekends', Restriction[]> = {
  always: [],
  weeknights: [1, 2, 3, 4, 5].map((d) => ({ fromDay: d, fromTime: '18:00', toDay: d + 1, toTime: '08:00' })),
  eveningsWeekends: [
    ...[1, 2, 3, 4].map((d) => ({ fromDay: d, fromTime: '18:00', toDay: d + 1, toTime: '09:00' })),
    { fromDay: 5, fromTime: '18:00', toDay: 1, toTime: '09:00' },
  ],
  weekends: [{ fromDay: 6, fromTime: '00:00', toDay: 1, toTime: '00:00' }],
};
type Preset = keyof typeof PRESETS | 'custom';

interface LayerDraft {
  name: string;
  participants: number[];
  turnUnit: 'hours' | 'days' | 'weeks';
  turnLength: string;
  startDay: string;
  handoffTime: string;
  restrictions: Restriction[];
  skipHolidays: boolean;
}

function presetOf(r: Restriction[]): Preset {
  const found = (Object.keys(PRESETS) as (keyof typeof PRESETS)[]).find((k) => JSON.stringify(PRESETS[k]) === JSON.stringify(r));
  return found ?? 'custom';
}

interface Props {
  team: Team;
  people: Person[];
  rotation: Rotation | null;
  onSaved(r: RotationSaved): void;
  onArchived(): void;
}

/** Create or edit a rotation: its name and layers (base first; a later layer wins where it covers). */
export function RotationEditor({ team, people, rotation, onSaved, onArchived }: Props) {
  const { t } = useTranslation();
  const f = useOnCallFormat();
  const words = (r: readonly Restriction[]) => describeWindows(r, f.words);
  const monday = startOfWeek(todayIn(team.timeZone), team.weekStart).toString();
  const blank = (): LayerDraft => ({ name: t('oncall.layer', { n: 1 }), participants: [], turnUnit: 'weeks', turnLength: '1', startDay: monday, handoffTime: '09:00', restrictions: PRESETS.eveningsWeekends, skipHolidays: false });
  // Names as shown: the demo's in this language (saved unchanged, they stay built-in).
  const names = useBuiltinNames();
  const [name, setName] = useState(rotation ? names.rotation(rotation.name) : '');
  const [layers, setLayers] = useState<LayerDraft[]>(
    rotation?.layers.map((l) => ({ ...l, name: names.layer(l.name), turnLength: String(l.turnLength), participants: [...l.participants], restrictions: [...l.restrictions] })) ?? [blank()],
  );
  const [allowance, setAllowance] = useState({
    perHour: String(rotation?.allowance.perHour ?? 0),
    perDay: String(rotation?.allowance.perDay ?? 0),
    holidayMultiplier: String(rotation?.allowance.holidayMultiplier ?? 1),
  });
  const [error, setError] = useState<ApiError | null>(null);

  const update = (i: number, patch: Partial<LayerDraft>) => setLayers(layers.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const move = (i: number, from: number, to: number) => {
    const list = [...(layers[i]?.participants ?? [])];
    const [x] = list.splice(from, 1);
    if (x === undefined || to < 0 || to > list.length) return;
    list.splice(to, 0, x);
    update(i, { participants: list });
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    // A demo name shown translated and left as it was is saved as stored, so it stays built-in.
    const storedLayer = (shown: string) => rotation?.layers.find((l) => l.name !== shown && names.layer(l.name) === shown)?.name ?? shown;
    const payload = layers.map((l) => ({ ...l, name: storedLayer(l.name), turnLength: Number(l.turnLength) }));
    const storedName = rotation && name === names.rotation(rotation.name) ? rotation.name : name;
    const num = (x: string) => (x.trim() === '' ? Number.NaN : Number(x.replace(',', '.')));
    const pay = { perHour: num(allowance.perHour), perDay: num(allowance.perDay), holidayMultiplier: num(allowance.holidayMultiplier) };
    try {
      const r = rotation
        ? await call('rotation.update', { id: rotation.id, name: storedName, layers: payload, allowance: pay })
        : await call('rotation.create', { teamId: team.id, name: storedName, layers: payload, allowance: pay });
      setError(null);
      onSaved(r);
    } catch (err) {
      if (err instanceof CallError) setError(err.error);
      else throw err;
    }
  }

  const personName = (id: number) => people.find((p) => p.id === id)?.name ?? String(id);
  const title = rotation ? t('oncall.editor') : t('oncall.creator');
  return (
    <form className="rotation-editor" onSubmit={(e) => void save(e)} aria-label={title} noValidate>
      <h3>{title}</h3>
      <label className="field">
        <span>{t('oncall.name')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <fieldset className="skills">
        <legend>{t('oncall.allowance', { currency: team.currency })}</legend>
        {(['perHour', 'perDay', 'holidayMultiplier'] as const).map((k) => (
          <label key={k} className="inline">
            <NumberInput className="narrow" inputMode="decimal" value={allowance[k]} onChange={(e) => setAllowance({ ...allowance, [k]: e.target.value })} aria-label={t(`oncall.${k}`)} />
            <span>{t(`oncall.${k}`)}</span>
          </label>
        ))}
      </fieldset>
      {layers.map((l, i) => (
        <fieldset key={i} className="layer">
          <legend>{t('oncall.layer', { n: i + 1 })}</legend>
          <label className="field">
            <span>{t('oncall.layerName')}</span>
            <input value={l.name} onChange={(e) => update(i, { name: e.target.value })} />
          </label>
          <fieldset className="skills">
            <legend>{t('oncall.participants')}</legend>
            <ol className="participants">
              {l.participants.map((pid, j) => (
                <li key={pid}>
                  {personName(pid)}{' '}
                  <button type="button" className="link" aria-label={`${t('oncall.up')}: ${personName(pid)}`} onClick={() => move(i, j, j - 1)}>
                    ↑
                  </button>
                  <button type="button" className="link" aria-label={`${t('oncall.down')}: ${personName(pid)}`} onClick={() => move(i, j, j + 1)}>
                    ↓
                  </button>
                </li>
              ))}
            </ol>
            {people.map((p) => (
              <label key={p.id} className="check">
                <input
                  type="checkbox"
                  checked={l.participants.includes(p.id)}
                  onChange={(e) => update(i, { participants: e.target.checked ? [...l.participants, p.id] : l.participants.filter((x) => x !== p.id) })}
                />
                {p.name}
              </label>
            ))}
          </fieldset>
          <div className="inline">
            <label className="inline">
              <span>{t('oncall.turn')}</span>
              <NumberInput className="narrow" inputMode="numeric" value={l.turnLength} onChange={(e) => update(i, { turnLength: e.target.value })} aria-label={t('oncall.turn')} />
            </label>
            <select aria-label={`${t('oncall.turn')} (${t('oncall.weeks')})`} value={l.turnUnit} onChange={(e) => update(i, { turnUnit: e.target.value as LayerDraft['turnUnit'] })}>
              {(['hours', 'days', 'weeks'] as const).map((u) => (
                <option key={u} value={u}>
                  {t(`oncall.${u}`)}
                </option>
              ))}
            </select>
            <label className="inline">
              <span>{t('oncall.startDay')}</span>
              <DateField value={l.startDay} weekStart={team.weekStart} onChange={(d) => update(i, { startDay: d })} />
            </label>
            <label className="inline">
              <span>{t('oncall.handoff')}</span>
              <TimeInput value={l.handoffTime} onChange={(e) => update(i, { handoffTime: e.target.value })} />
            </label>
          </div>
          <label className="inline">
            <span>{t('oncall.windows')}</span>
            <select
              value={presetOf(l.restrictions)}
              onChange={(e) => {
                const p = e.target.value as Preset;
                if (p !== 'custom') update(i, { restrictions: PRESETS[p] });
              }}
            >
              {(Object.keys(PRESETS) as (keyof typeof PRESETS)[]).map((k) => (
                <option key={k} value={k}>
                  {words(PRESETS[k])}
                </option>
              ))}
              {presetOf(l.restrictions) === 'custom' && <option value="custom">{words(l.restrictions)}</option>}
            </select>
          </label>
          <WindowsEditor layerName={l.name} windows={l.restrictions} onChange={(restrictions) => update(i, { restrictions })} />
          <label className="check">
            <input type="checkbox" checked={l.skipHolidays} onChange={(e) => update(i, { skipHolidays: e.target.checked })} />
            {t('oncall.skipHolidays')}
          </label>
          {layers.length > 1 && (
            <button type="button" onClick={() => setLayers(layers.filter((_, j) => j !== i))}>
              {t('oncall.removeLayer')}
            </button>
          )}
        </fieldset>
      ))}
      <p>
        <button type="button" onClick={() => setLayers([...layers, { ...blank(), name: t('oncall.layer', { n: layers.length + 1 }), restrictions: PRESETS.weekends }])}>
          {t('oncall.addLayer')}
        </button>
      </p>
      <FormError error={error} fieldCount={0} />
      <div className="actions">
        <button type="submit" className="primary">
          {t('oncall.save')}
        </button>
        {rotation && (
          <button type="button" onClick={() => void call('rotation.archive', { id: rotation.id }).then(onArchived, onArchived)}>
            {t('oncall.archive')}
          </button>
        )}
      </div>
    </form>
  );
}

/** Each window of a layer as from-weekday, from-time, to-weekday, to-time: for hours no preset has. */
function WindowsEditor({ layerName, windows, onChange }: { layerName: string; windows: readonly Restriction[]; onChange(r: Restriction[]): void }) {
  const { t } = useTranslation();
  const f = useOnCallFormat();
  const set = (i: number, patch: Partial<Restriction>) => onChange(windows.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  const weekdays = [1, 2, 3, 4, 5, 6, 7];
  return (
    <details className="windows">
      <summary>{t('oncall.editWindows')}</summary>
      <ol className="windows-list">
        {windows.map((w, i) => {
          const n = i + 1;
          return (
            <li key={i}>
              <select aria-label={t('oncall.windowFromDay', { n, layer: layerName })} value={w.fromDay} onChange={(e) => set(i, { fromDay: Number(e.target.value) })}>
                {weekdays.map((d) => (
                  <option key={d} value={d}>
                    {f.weekday(d)}
                  </option>
                ))}
              </select>
              <TimeInput aria-label={t('oncall.windowFromTime', { n, layer: layerName })} value={w.fromTime} onChange={(e) => set(i, { fromTime: e.target.value })} />
              <span aria-hidden="true">–</span>
              <select aria-label={t('oncall.windowToDay', { n, layer: layerName })} value={w.toDay} onChange={(e) => set(i, { toDay: Number(e.target.value) })}>
                {weekdays.map((d) => (
                  <option key={d} value={d}>
                    {f.weekday(d)}
                  </option>
                ))}
              </select>
              <TimeInput aria-label={t('oncall.windowToTime', { n, layer: layerName })} value={w.toTime} onChange={(e) => set(i, { toTime: e.target.value })} />
              <button type="button" className="link" onClick={() => onChange(windows.filter((_, j) => j !== i))}>
                {t('oncall.removeWindow', { n })}
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange([...windows, { fromDay: 1, fromTime: '18:00', toDay: 2, toTime: '08:00' }])}>
        {t('oncall.addWindow')}
      </button>
    </details>
  );
}
