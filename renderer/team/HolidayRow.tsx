import { useTranslation } from 'react-i18next';
import type { TeamHoliday } from '../../core/holiday-merge';
import type { Team } from '../../core/team';
import { call } from '../api/client';
import { useFormat } from '../format';
import { DateField } from '../shell/DateField';
import type { Later } from '../i18n/later';

interface Props {
  team: Team;
  holiday: TeamHoliday;
  /** Whether this row's day is being moved; `moveTo` is the day typed for it. */
  moving: boolean;
  moveTo: string;
  onMoveTo(day: string): void;
  onStartMove(): void;
  onStopMove(): void;
  onMove(): void;
  act(work: () => Promise<unknown>, done?: Later): Promise<boolean>;
}

/** One holiday of the year: day, name, kind, half day, and move, remove or restore (every control names the holiday). */
export function HolidayRow({ team, holiday: h, moving, moveTo, onMoveTo, onStartMove, onStopMove, onMove, act }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const who = { name: h.name, day: fmt.day(h.day) };
  return (
    <tr className={h.removed ? 'removed' : undefined}>
      <td>{h.removed ? <s>{fmt.dayLong(h.day)}</s> : fmt.dayLong(h.day)}</td>
      <th scope="row">
        {h.removed ? <s>{h.name}</s> : h.name}
        {h.removed && <span className="visually-hidden"> ({t('holidays.removed')})</span>}
      </th>
      <td>
        <span className="badge">{h.source === 'public' ? t('holidays.public') : t('holidays.team')}</span>
        {h.estimated && (
          <span className="badge estimated" title={t('holidays.estimatedExplain')}>
            {t('holidays.estimated')}
          </span>
        )}
        {h.removed && <span className="badge">{t('holidays.removed')}</span>}
      </td>
      <td>
        <input
          type="checkbox"
          checked={h.half}
          disabled={h.removed}
          aria-label={t('holidays.halfWho', who)}
          onChange={(e) => void act(() => call('holiday.setHalf', { teamId: team.id, day: h.day, source: h.source, half: e.target.checked }))}
        />
      </td>
      <td>
        <div className="row-actions">
          {h.removed ? (
            <button type="button" aria-label={t('holidays.restoreWho', who)} onClick={() => void act(() => call('holiday.restore', { teamId: team.id, day: h.day }), (s) => s.t('holidays.restored', { name: h.name }))}>
              {t('holidays.restore')}
            </button>
          ) : moving ? (
            <span className="move-to">
              <DateField value={moveTo} onChange={onMoveTo} weekStart={team.weekStart} aria-label={t('holidays.moveToWho', who)} />
              <button type="button" className="primary" disabled={!moveTo} onClick={onMove}>
                {t('holidays.moveSave')}
              </button>
              <button type="button" onClick={onStopMove}>
                {t('holidays.cancel')}
              </button>
            </span>
          ) : (
            <>
              <button type="button" aria-label={t('holidays.moveWho', who)} onClick={onStartMove}>
                {t('holidays.move')}
              </button>
              <button type="button" aria-label={t('holidays.removeWho', who)} onClick={() => void act(() => call('holiday.remove', { teamId: team.id, day: h.day, source: h.source }), (s) => s.t('holidays.removedNotice', { name: h.name }))}>
                {t('holidays.remove')}
              </button>
            </>
          )}
        </div>
      </td>
    </tr>
  );
}
