import { useTranslation } from 'react-i18next';
import type { Rotation, ScheduleBlock } from '../../core/oncall';
import type { Person } from '../../core/person';
import { useBuiltinNames } from '../i18n/useBuiltinNames';
import { nowAndNext } from './onCallNow';
import { useOnCallFormat } from './oncallFormat';

/** Who is on call in one rotation now (until when) and who is next (from when), with their phones. */
export function NowNext({ rotation, blocks, horizonUtc, people, nowMs, onPause }: { rotation: Rotation; blocks: readonly ScheduleBlock[]; horizonUtc: number; people: ReadonlyMap<number, Person>; nowMs: number; onPause(): void }) {
  const { t } = useTranslation();
  const f = useOnCallFormat();
  const names = useBuiltinNames();
  const { current, until, next } = nowAndNext(blocks, nowMs);
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
