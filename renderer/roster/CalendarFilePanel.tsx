import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../core/person';
import type { Team } from '../../core/team';
import { parsePlainDate, Temporal } from '../../core/time';
import { call } from '../api/client';
import { saveFile } from '../api/download';
import { useAction } from '../api/useAction';
import { FormError } from '../shell/FormError';

interface Props {
  team: Team;
  weekStart: string;
  revision: number;
}

/**
 * "Calendar file": the team's shifts, one person's (with on-call and, if chosen, leave), or an
 * on-call rotation's turns, for any dates, as an .ics file people import into their calendar.
 * Importing a newer file updates the events instead of doubling them.
 */
export function CalendarFilePanel({ team, weekStart, revision }: Props) {
  const { t } = useTranslation();
  const [people, setPeople] = useState<Person[]>([]);
  const [rotations, setRotations] = useState<{ id: number; name: string }[]>([]);
  // "team", "person:ID" or "rotation:ID".
  const [who, setWho] = useState('team');
  const [from, setFrom] = useState(weekStart);
  const [to, setTo] = useState(() => Temporal.PlainDate.from(weekStart).add({ days: 27 }).toString());
  const [absences, setAbsences] = useState(true);
  const [notice, setNotice] = useState('');
  const { error, act } = useAction(() => undefined);

  useEffect(() => {
    let live = true;
    void Promise.all([call('person.list', { teamId: team.id }), call('rotation.list', { teamId: team.id })]).then(([p, r]) => {
      if (!live) return;
      setPeople(p);
      setRotations(r);
    });
    return () => {
      live = false;
    };
  }, [team.id, revision]);

  async function download() {
    setNotice('');
    const [kind, idText] = who.split(':');
    const day = (text: string) => parsePlainDate(text)?.toString() ?? text;
    await act(async () => {
      const file = await call('calendar.export', {
        teamId: team.id,
        from: day(from),
        to: day(to),
        personId: kind === 'person' ? Number(idText) : null,
        rotationId: kind === 'rotation' ? Number(idText) : null,
        absences: kind !== 'rotation' && absences,
      });
      saveFile(file);
      setNotice(t('calendarFile.saved', { count: file.events, filename: file.filename }));
    });
  }

  return (
    <details className="pattern-panel">
      <summary>{t('calendarFile.title')}</summary>
      <p className="muted small">{t('calendarFile.help')}</p>
      <div className="toolbar">
        <label className="inline">
          <span>{t('calendarFile.who')}</span>
          <select value={who} onChange={(e) => setWho(e.target.value)}>
            <option value="team">{t('calendarFile.wholeTeam')}</option>
            <optgroup label={t('calendarFile.people')}>
              {people.map((p) => (
                <option key={p.id} value={`person:${p.id}`}>
                  {p.name}
                </option>
              ))}
            </optgroup>
            {rotations.length > 0 && (
              <optgroup label={t('calendarFile.rotations')}>
                {rotations.map((r) => (
                  <option key={r.id} value={`rotation:${r.id}`}>
                    {r.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </label>
        <label className="inline">
          <span>{t('calendarFile.from')}</span>
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="inline">
          <span>{t('calendarFile.to')}</span>
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label className="check">
          <input type="checkbox" checked={absences} disabled={who.startsWith('rotation')} onChange={(e) => setAbsences(e.target.checked)} />
          {t('calendarFile.absences')}
        </label>
        <button type="button" onClick={() => void download()}>
          {t('calendarFile.download')}
        </button>
      </div>
      <FormError error={error} fieldCount={0} />
      {notice && <p role="status">{notice}</p>}
    </details>
  );
}
