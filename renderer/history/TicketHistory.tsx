import { useTranslation } from 'react-i18next';
import type { Team } from '../../core/team';
import { useApiQuery } from '../api/queries';
import { LoadError } from '../shell/LoadError';
import { useFormat } from '../format';
import { useBuiltinNames } from '../i18n/useBuiltinNames';

const WEEKS = 8;

/** Tickets per week and channel: what the forecast will learn from. */
export function TicketHistory({ team }: { team: Team }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useBuiltinNames();
  const query = useApiQuery('volume.weekly', { teamId: team.id, weeks: WEEKS });
  const rows = query.data ?? null;

  if (query.error) return <LoadError errors={[query.error]} />;
  if (!rows) return null;
  const weeks = [...new Set(rows.map((r) => r.weekStart))].sort();
  const channels = team.skills.filter((s) => rows.some((r) => r.channel === s));
  const volume = (week: string, channel: string) => rows.find((r) => r.weekStart === week && r.channel === channel)?.volume ?? 0;
  const hasAny = rows.some((r) => r.volume > 0);

  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">{t('history.title')}</h2>
      {!hasAny ? (
        <p>{t('history.empty')}</p>
      ) : (
        <>
          <p className="muted">{t('history.intro')}</p>
          <table className="numbers">
            <thead>
              <tr>
                <th scope="col">{t('history.week')}</th>
                {channels.map((c) => (
                  <th scope="col" key={c}>
                    {names.channel(c)}
                  </th>
                ))}
                <th scope="col">{t('history.total')}</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((w) => (
                <tr key={w}>
                  <th scope="row">{fmt.day(w)}</th>
                  {channels.map((c) => (
                    <td key={c}>{fmt.number(volume(w, c))}</td>
                  ))}
                  <td>{fmt.number(channels.reduce((a, c) => a + volume(w, c), 0))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
