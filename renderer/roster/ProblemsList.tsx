import { memo, useCallback, useDeferredValue, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Violation } from '../../core/rules';
import { useFormat } from '../format';
import { ruleParams, useAbsenceTypeName, useBuiltinNames } from '../i18n/useBuiltinNames';

const keyOf = (v: Violation) => `${v.rule}|${v.personId}|${v.day}`;

/** A contract line of a week nobody has planned yet: true, but not a breach to fix first. */
const stillPlanning = (v: Violation) => v.rule === 'contract_hours' && Number(v.params.hours ?? 0) === 0;

interface Group {
  key: string;
  personName: string;
  rule: Violation['rule'];
  items: Violation[];
  fresh: boolean;
}

interface Props {
  teamId: number;
  weekStart: string;
  violations: readonly Violation[];
  onShow(personId: number, day: string): void;
}

/**
 * The week's problems grouped by person and rule, with counts: the ones the last change caused
 * first (marked new), then the rest; "0 h planned" lines of a week still being filled apart and quieter.
 * A big team's week has a thousand lines, so the list follows the grid a moment later
 * (useDeferredValue): the grid above it is painted first.
 */
export function ProblemsList({ teamId, weekStart: latestWeek, violations: latest, onShow }: Props) {
  const violations = useDeferredValue<readonly Violation[] | null>(latest, null);
  // The week goes with its list: the list of the week before is not drawn again under the new week's name.
  const weekStart = useDeferredValue(latestWeek);
  // One callback for the list's life, so the memoised list is not drawn again for a new one.
  const show = useRef(onShow);
  useLayoutEffect(() => {
    show.current = onShow;
  });
  const stableShow = useCallback((personId: number, day: string) => show.current(personId, day), []);
  const { t } = useTranslation();
  if (violations === null) {
    return (
      <section aria-labelledby="problems-title" className="problems">
        <h3 id="problems-title">{t('roster.problems')}</h3>
      </section>
    );
  }
  return <Problems teamId={teamId} weekStart={weekStart} violations={violations} onShow={stableShow} />;
}

/** Memoised: while a new week's list waits its turn, the page's render does not draw the old one again. */
const Problems = memo(function Problems({ teamId, weekStart, violations, onShow }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useBuiltinNames();
  const typeName = useAbsenceTypeName(teamId);
  // What this week's list held before the latest answer: anything not in it is new.
  const seen = useRef<{ weekStart: string; keys: Set<string>; fresh: Set<string> } | null>(null);
  const keys = new Set(violations.map(keyOf));
  const last = seen.current;
  if (!last || last.weekStart !== weekStart) seen.current = { weekStart, keys, fresh: new Set() };
  else if ([...keys].some((k) => !last.keys.has(k)) || keys.size !== last.keys.size) seen.current = { weekStart, keys, fresh: new Set([...keys].filter((k) => !last.keys.has(k))) };
  const fresh = seen.current?.fresh ?? new Set<string>();

  const groups = new Map<string, Group>();
  for (const v of violations.filter((x) => !stillPlanning(x))) {
    const key = `${v.personId}|${v.rule}`;
    const g = groups.get(key) ?? { key, personName: v.personName, rule: v.rule, items: [], fresh: false };
    g.items.push(v);
    g.fresh ||= fresh.has(keyOf(v));
    groups.set(key, g);
  }
  const ordered = [...groups.values()].sort((a, b) => Number(b.fresh) - Number(a.fresh) || a.personName.localeCompare(b.personName, fmt.locale) || a.rule.localeCompare(b.rule));
  const planning = violations.filter(stillPlanning);

  return (
    <section aria-labelledby="problems-title" className="problems">
      <h3 id="problems-title">
        {t('roster.problems')} {ordered.length > 0 && <span className="count">{t('roster.problemCount', { count: violations.length - planning.length })}</span>}
      </h3>
      {ordered.length === 0 && planning.length === 0 && <p className="muted">{t('roster.noProblems')}</p>}
      {ordered.length > 0 && (
        <ul className="problem-groups">
          {ordered.map((g) => (
            <li key={g.key} className={g.fresh ? 'fresh' : undefined}>
              <details open={g.fresh || ordered.length <= 6}>
                <summary>
                  <strong>{g.personName}</strong> · {t(`ruleNames.${g.rule}`)} <span className="count">({fmt.number(g.items.length)})</span>
                  {g.fresh && <span className="badge new">{t('roster.newProblem')}</span>}
                </summary>
                <ul>
                  {g.items.map((v) => (
                    <li key={keyOf(v)}>
                      {fmt.dayLong(v.day)} · {t(`rules.${v.rule}`, ruleParams(v.params, names, typeName))}{' '}
                      <button type="button" className="link" onClick={() => onShow(v.personId, v.day)}>
                        {t('roster.show')}
                      </button>
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ul>
      )}
      {planning.length > 0 && (
        <details className="planning muted">
          <summary>{t('roster.stillPlanning', { count: planning.length, names: planning.map((v) => v.personName).join(', ') })}</summary>
          <ul>
            {planning.map((v) => (
              <li key={keyOf(v)}>
                {v.personName} · {t(`rules.${v.rule}`, ruleParams(v.params, names, typeName))}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
});
