import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/errors';
import type { Rotation, ScheduleBlock } from '../../core/oncall';
import { call, CallError } from '../api/client';
import { FormError } from '../shell/FormError';
import { useOnCallFormat } from './oncallFormat';
import { swappableTurns } from './turns';

/** Exchange two people's future turns, each named by person and its full start and end. */
export function SwapPanel({ rotation, blocks, lastDay, nowMs }: { rotation: Rotation; blocks: readonly ScheduleBlock[]; lastDay: string; nowMs: number }) {
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
