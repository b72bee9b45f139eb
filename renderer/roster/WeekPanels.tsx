import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../core/team';
import { call } from '../api/client';
import { useFormat } from '../format';

interface Props {
  team: Team;
  weekStart: string;
  /** Runs the change, showing its error on the page. */
  act(work: () => Promise<unknown>): Promise<void>;
  onDone(): void;
}

/** Copies the week shown onto the next 1–12 weeks. */
export function CopyWeekPanel({ team, weekStart, act, onDone }: Props) {
  const { t } = useTranslation();
  const [copyWeeks, setCopyWeeks] = useState(1);
  return (
    <div className="panel-body">
      <label className="inline">
        <span>{t('roster.copyTo')}</span>
        <select value={copyWeeks} onChange={(e) => setCopyWeeks(Number(e.target.value))}>
          {Array.from({ length: 12 }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {t('roster.weeks', { count: n })}
            </option>
          ))}
        </select>
      </label>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void act(async () => {
          await call('shift.copyWeek', { teamId: team.id, weekStart, weeks: copyWeeks });
          onDone();
        })}>
          {t('roster.copy')}
        </button>
      </div>
    </div>
  );
}

/** Asks before clearing the week shown (how many shifts go), with Cancel on the keyboard. */
export function ClearWeekPanel({ team, weekStart, end, shiftCount, act, onDone }: Props & { end: string; shiftCount: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <div className="panel-body" role="alertdialog" aria-label={t('roster.clearMenu')}>
      <p>{t('roster.clearAsk', { count: shiftCount, from: fmt.day(weekStart), to: fmt.day(end) })}</p>
      <div className="actions">
        {/* The safe choice has the keyboard. */}
        <button type="button" autoFocus onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="button" className="danger" onClick={() => void act(async () => {
          await call('shift.clearRange', { teamId: team.id, from: weekStart, to: end });
          onDone();
        })}>
          {t('roster.clear')}
        </button>
      </div>
    </div>
  );
}
