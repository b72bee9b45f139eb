import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft, MethodOutput } from '../../core/contract';
import type { Team } from '../../core/team';
import { startOfWeek, Temporal, todayIn } from '../../core/time';
import { call } from '../api/client';
import { useAction } from '../api/useAction';
import { useFormat } from '../format';
import { ruleParams, useBuiltinNames } from '../i18n/useBuiltinNames';
import { FormError } from '../shell/FormError';
import { DateRangeFields } from '../shell/DateRangeFields';
import { NumberInput } from '../shell/NumberInput';

interface Props {
  team: Team;
  weekStart: string;
  /** The draft under review (kept by the rota page, which draws it on the grid). */
  draft: Draft | null;
  onDraft(draft: Draft | null): void;
  onAccept(): Promise<void>;
}

type Status = MethodOutput<'schedule.status'>;

const POLL_MS = 400;
const DEFAULT_WEEKS = 4;

/** Coverage per day summed over channels: under-staffed agent-hours before and after. */
function byDay(draft: Draft): { day: string; before: number; after: number; overAfter: number }[] {
  const days = new Map<string, { day: string; before: number; after: number; overAfter: number }>();
  const row = (day: string) => days.get(day) ?? { day, before: 0, after: 0, overAfter: 0 };
  for (const c of draft.coverage.before) days.set(c.day, { ...row(c.day), before: row(c.day).before + c.underAgentHours });
  for (const c of draft.coverage.after) {
    const r = row(c.day);
    days.set(c.day, { ...r, after: r.after + c.underAgentHours, overAfter: r.overAfter + c.overAgentHours });
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/**
 * "Generate a draft": the solver runs in a worker while this polls its progress; the draft
 * comes back as a preview (coverage before and after, what stays short and why, preferences
 * it could not keep) that the lead accepts as one undoable step or discards.
 */
export function SchedulePanel({ team, weekStart, draft, onDraft, onAccept }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useBuiltinNames();
  // The next full week by default (the week on screen when it is later): never days already past.
  const [from, setFrom] = useState(() => {
    const next = startOfWeek(todayIn(team.timeZone), team.weekStart).add({ weeks: 1 }).toString();
    return weekStart > next ? weekStart : next;
  });
  const [to, setTo] = useState(() => Temporal.PlainDate.from(from).add({ days: DEFAULT_WEEKS * 7 - 1 }).toString());
  // The run asked for: a status's draft is taken only if it is of this run and range.
  const [asked, setAsked] = useState<{ from: string; to: string } | null>(null);
  const [limit, setLimit] = useState('30');
  const [jobId, setJobId] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [notice, setNotice] = useState('');
  const { error, setError, act } = useAction();

  useEffect(() => {
    if (!jobId) return;
    let live = true;
    const timer = setInterval(() => {
      call('schedule.status', { jobId })
        .then((s) => {
          if (!live) return;
          setStatus(s);
          if (s.state === 'running') return;
          setJobId(null);
          if (s.state === 'done' && s.draft) {
            if (s.draft.runId === jobId && asked && s.draft.from === asked.from && s.draft.to === asked.to) onDraft(s.draft);
            else setError({ code: 'stale_draft', message: t('schedule.staleDraft'), path: [] });
          }
          else if (s.error) setError({ code: s.error.code, message: s.error.message, path: [] });
        })
        .catch(() => undefined);
    }, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [jobId, setError, asked, onDraft, t]);

  async function generate() {
    setNotice('');
    onDraft(null);
    setStatus(null);
    await act(async () => {
      setAsked({ from, to });
      const r = await call('schedule.start', { teamId: team.id, from, to, timeLimitSeconds: Number(limit.replace(',', '.')) });
      setJobId(r.jobId);
    });
  }

  const accept = () => act(onAccept);

  const running = jobId !== null;
  const summary = draft?.summary;
  return (
    <div className="panel-body schedule-panel">
      <p className="muted small">{t('schedule.help')}</p>
      <div className="toolbar">
        <DateRangeFields from={from} to={to} onFrom={setFrom} onTo={setTo} labels={{ from: t('schedule.from'), to: t('schedule.to') }} disabled={running} weekStart={team.weekStart} />
        <label className="inline">
          <span>{t('schedule.timeLimit')}</span>
          <NumberInput inputMode="numeric" size={4} value={limit} onChange={(e) => setLimit(e.target.value)} disabled={running} />
        </label>
        <button type="button" className="primary" onClick={() => void generate()} disabled={running}>
          {t('schedule.generate')}
        </button>
      </div>
      <FormError error={error} fieldCount={0} />
      {notice && <p role="status">{notice}</p>}
      {running && (
        <div className="schedule-progress" role="status">
          <progress max={1} value={status?.fraction ?? 0} aria-label={t('schedule.progress')} />
          <span>
            {t(`schedule.phase.${status?.phase ?? 'starting'}`)}
            {status && status.lowerBoundAgentHours !== null && ` · ${t('schedule.boundSoFar', { hours: fmt.number(status.lowerBoundAgentHours, 1) })}`}
          </span>
          <button type="button" onClick={() => jobId && void call('schedule.cancel', { jobId })}>
            {t('schedule.cancel')}
          </button>
        </div>
      )}
      {draft && summary && (
        <section aria-labelledby="draft-title" className="draft">
          <h3 id="draft-title">{t('schedule.draftTitle', { from: fmt.day(draft.from), to: fmt.day(draft.to) })}</h3>
          <dl className="figures">
            <dt>{t('schedule.shifts')}</dt>
            <dd>{summary.shifts}</dd>
            <dt>{t('schedule.under')}</dt>
            <dd>{t('schedule.hours', { hours: fmt.number(summary.underStaffedAgentHours, 1) })}</dd>
            <dt title={t('schedule.boundHint')}>{t('schedule.bound')}</dt>
            <dd>{t('schedule.hours', { hours: fmt.number(summary.lowerBoundAgentHours, 1) })}</dd>
            <dt>{t('schedule.over')}</dt>
            <dd>{t('schedule.hours', { hours: fmt.number(summary.overStaffedAgentHours, 1) })}</dd>
            <dt>{t('schedule.violations')}</dt>
            <dd>{summary.violations}</dd>
            <dt>{t('schedule.status')}</dt>
            <dd>{t(`schedule.statusValue.${summary.status}`, { seconds: fmt.number(summary.seconds, 1) })}</dd>
            <dt>{t('schedule.spread')}</dt>
            <dd>{t('schedule.spreadValue', { mean: fmt.number(summary.startSpreadMeanHours, 1), max: fmt.number(summary.startSpreadMaxHours, 1) })}</dd>
          </dl>
          <p className="muted small">{t('schedule.boundHint')}</p>
          {draft.violations.length > 0 && (
            <>
              <h4>{t('schedule.violations')}</h4>
              <ul>
                {draft.violations.map((v, i) => (
                  <li key={`${v.rule}-${v.personId}-${v.day}-${i}`}>
                    <strong>{v.personName}</strong> · {fmt.dayLong(v.day)} · {t(`rules.${v.rule}`, ruleParams(v.params, names))}
                  </li>
                ))}
              </ul>
            </>
          )}
          {draft.startSpread.some((p) => p.hours > 0) && (
            <details>
              <summary>{t('schedule.spreadList')}</summary>
              <ul>
                {draft.startSpread
                  .filter((p) => p.hours > 0)
                  .map((p) => (
                    <li key={p.personId}>{t('schedule.spreadLine', { person: p.person, hours: fmt.number(p.hours, 1) })}</li>
                  ))}
              </ul>
            </details>
          )}
          {draft.withoutHistory.length > 0 && <p className="muted">{t('schedule.withoutHistory', { channels: fmt.list(draft.withoutHistory.map(names.channel)) })}</p>}
          <table className="coverage-compare">
            <caption>{t('schedule.coverageCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('schedule.day')}</th>
                <th scope="col">{t('schedule.shortBefore')}</th>
                <th scope="col">{t('schedule.shortAfter')}</th>
                <th scope="col">{t('schedule.overAfter')}</th>
              </tr>
            </thead>
            <tbody>
              {byDay(draft).map((r) => (
                <tr key={r.day}>
                  <th scope="row">{fmt.dayLong(r.day)}</th>
                  <td className={r.before > 0.05 ? 'short' : undefined}>{fmt.number(r.before, 1)}</td>
                  <td className={r.after > 0.05 ? 'short' : undefined}>{fmt.number(r.after, 1)}</td>
                  <td>{fmt.number(r.overAfter, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {draft.underStaffed.length > 0 && (
            <>
              <h4>{t('schedule.stillShort')}</h4>
              <ul className="short-list">
                {draft.underStaffed.slice(0, 50).map((g) => (
                  <li key={`${g.channel}-${g.day}-${g.from}`}>
                    <strong>
                      {names.channel(g.channel)} · {fmt.dayLong(g.day)} {g.from}–{g.to}
                    </strong>{' '}
                    · {t('schedule.hours', { hours: fmt.number(g.agentHours, 1) })} · {t(`schedule.reason.${g.reasonCode}`, { channel: names.channel(g.channel), count: g.count })}
                  </li>
                ))}
              </ul>
              {draft.underStaffed.length > 50 && <p className="muted small">{t('schedule.more', { count: draft.underStaffed.length - 50 })}</p>}
            </>
          )}
          {draft.unmetPreferences.length > 0 && (
            <>
              <h4>{t('schedule.unmet')}</h4>
              <ul>
                {draft.unmetPreferences.map((p) => (
                  <li key={`${p.personId}-${p.day}`}>{t('schedule.unmetLine', { person: p.person, day: fmt.dayLong(p.day), code: p.code })}</li>
                ))}
              </ul>
            </>
          )}
          <div className="actions">
            <button type="button" className="primary" onClick={() => void accept()}>
              {t('schedule.accept')}
            </button>
            <button type="button" onClick={() => onDraft(null)}>
              {t('schedule.discard')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
