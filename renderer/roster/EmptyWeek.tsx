import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parsePlainDate } from '../../core/time';
import { call } from '../api/client';
import { useApiQuery } from '../api/queries';
import { useAction } from '../api/useAction';
import { FormError } from '../shell/FormError';
import { IdSelect } from '../shell/IdSelect';
import { useNotice } from '../i18n/later';

interface Props {
  teamId: number;
  /** The first day of the week on screen (YYYY-MM-DD). */
  weekStart: string;
  hasTemplates: boolean;
  hasPeople: boolean;
}

/**
 * What an empty rota week offers: the step that comes first. Without people or templates it
 * says where to add them; with both it fills the week from last week or from a saved pattern,
 * each one undoable step.
 */
export function EmptyWeek({ teamId, weekStart, hasTemplates, hasPeople }: Props) {
  const { t } = useTranslation();
  const ready = hasTemplates && hasPeople;
  const patterns = useApiQuery('pattern.list', ready ? { teamId } : null).data ?? [];
  const people = useApiQuery('person.list', ready ? { teamId } : null).data ?? [];
  const [patternId, setPatternId] = useState(0);
  const [notice, setNotice] = useNotice();
  const { error, act } = useAction();
  const lastWeek = parsePlainDate(weekStart)?.subtract({ days: 7 }).toString() ?? weekStart;
  const chosenPattern = patterns.find((p) => p.id === patternId) ?? patterns[0] ?? null;

  const copyLastWeek = () =>
    act(async () => {
      // Copying last week onto the week after it: this one, as the toolbar's copy does forward.
      const { created } = await call('shift.copyWeek', { teamId, weekStart: lastWeek, weeks: 1 });
      setNotice((s) => (created > 0 ? s.t('emptyWeek.copied', { count: created }) : s.t('emptyWeek.lastWeekEmpty')));
    });
  const fillFromPattern = () =>
    act(async () => {
      if (!chosenPattern) return;
      // Everyone, one day apart along the cycle, so not all start on the same code.
      const { created } = await call('pattern.apply', { teamId, patternId: chosenPattern.id, personIds: people.map((p) => p.id), start: weekStart, weeks: 1, stagger: 1 });
      setNotice((s) => s.t('emptyWeek.filled', { count: created, pattern: chosenPattern.name }));
    });

  return (
    <section className="explain empty-week" aria-labelledby="empty-week-title">
      <h3 id="empty-week-title">{t('emptyWeek.title')}</h3>
      {!hasPeople && <p>{t('emptyWeek.noPeople', { page: t('nav.people') })}</p>}
      {hasPeople && !hasTemplates && <p>{t('emptyWeek.noTemplates', { page: t('nav.templates') })}</p>}
      {ready && (
        <>
          <p>{t('emptyWeek.intro')}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void copyLastWeek()}>
              {t('emptyWeek.copyLastWeek')}
            </button>
            {patterns.length > 0 && people.length > 0 && (
              <>
                <label className="inline">
                  <span>{t('emptyWeek.pattern')}</span>
                  <IdSelect items={patterns} value={chosenPattern?.id ?? 0} onPick={setPatternId} />
                </label>
                <button type="button" onClick={() => void fillFromPattern()}>
                  {t('emptyWeek.fill')}
                </button>
              </>
            )}
          </div>
          {patterns.length === 0 && <p className="muted small">{t('emptyWeek.noPatterns', { panel: t('roster.patternButton') })}</p>}
        </>
      )}
      {notice && <p role="status">{notice}</p>}
      <FormError error={error} fieldCount={0} />
    </section>
  );
}
