import { type ChangeEvent, Fragment, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/errors';
import type { Person } from '../../core/person';
import { PEOPLE_CSV_REQUIRED } from '../../core/people-import';
import type { Team } from '../../core/team';
import { call, CallError } from '../api/client';
import { useApiQuery } from '../api/queries';
import { LoadError } from '../shell/LoadError';
import { ImportErrors } from '../shell/ImportErrors';
import { useFormat } from '../format';
import { byName } from '../collate';
import { useBuiltinNames } from '../i18n/useBuiltinNames';
import { PersonDialog } from './PersonDialog';
import { EncodingSelect, fileBase64, useCsvDialect, useImportEncoding } from '../shell/SpreadsheetOptions';
import { saveFile } from '../api/download';
import type { HubPending } from '../roster/hub/requestText';
import { useHubDecision, useHubWaiting } from '../roster/hub/useHubWaiting';
import { FormError } from '../shell/FormError';
import { HubPeopleNotice } from './HubPeopleNotice';
import { HubPreferenceAsk } from './HubPreferenceAsk';
import { useNotice } from '../i18n/later';

interface Props {
  team: Team;
}

/** The team's people: search, add, edit, archive, restore, delete, import. */
export function PeoplePanel({ team }: Props) {
  const { t } = useTranslation();
  const encoding = useImportEncoding();
  const dialect = useCsvDialect();
  const fmt = useFormat();
  const names = useBuiltinNames();
  const [query, setQuery] = useState('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const peopleQuery = useApiQuery('person.list', { teamId: team.id, query, includeArchived });
  // In the reader's order (the file's is by code point): active people first, as the service lists them.
  const people = useMemo(() => {
    const all = peopleQuery.data;
    return all ? [...byName(all.filter((p) => !p.archived), fmt.locale), ...byName(all.filter((p) => p.archived), fmt.locale)] : null;
  }, [peopleQuery.data, fmt.locale]);
  // Days and shifts people asked for on the team's hub, waiting for the lead: under each one's row.
  const hub = useHubWaiting(team.id, 'preferences');
  const decision = useHubDecision(team.id);
  const asksOf = useMemo(() => {
    const by = new Map<number, HubPending[]>();
    for (const r of hub.waiting) if (r.personId !== null) by.set(r.personId, [...(by.get(r.personId) ?? []), r]);
    return by;
  }, [hub.waiting]);
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useNotice();
  const fileInput = useRef<HTMLInputElement>(null);

  async function act(work: () => Promise<unknown>) {
    setError(null);
    setNotice(null);
    try {
      await work();
    } catch (err) {
      if (err instanceof CallError) setError(err.error);
      else throw err;
    }
  }

  async function importFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    // The file's bytes: the service reads them in the chosen or detected encoding (file.text() would guess UTF-8 and garble Windows-1254).
    const bytes = await fileBase64(file);
    await act(async () => {
      const { created } = await call('person.import', { teamId: team.id, bytes, encoding });
      setNotice((s) => s.t('people.imported', { count: created }));
    });
  }

  return (
    <section className="card" aria-labelledby="people-title">
      <div className="toolbar">
        <h2 id="people-title">{t('people.title')}</h2>
        <input type="search" aria-label={t('people.search')} placeholder={t('people.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
        <label className="check">
          <input type="checkbox" checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />
          {t('people.showArchived')}
        </label>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          {t('people.add')}
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('people.import')}
        </button>
        <EncodingSelect />
        <button type="button" onClick={() => void act(async () => saveFile(await call('person.export', { teamId: team.id, includeArchived, csv: dialect })))}>
          {t('people.export')}
        </button>
        <input ref={fileInput} type="file" accept=".csv,text/csv" hidden aria-label={t('people.import')} onChange={(e) => void importFile(e)} />
      </div>
      {notice && <p role="status">{notice}</p>}
      <ImportErrors error={error} failedText={t('people.importFailed')} />
      <LoadError errors={[peopleQuery.error, ...hub.errors]} />
      {hub.waiting.length > 0 && <HubPeopleNotice waiting={hub.waiting} />}
      <FormError error={decision.error} fieldCount={0} />
      {people && people.length === 0 && query && <p>{t('people.noMatch', { query })}</p>}
      {people && people.length === 0 && !query && (
        // The first visit: say what comes next, with the two ways in right here.
        <div className="explain empty-state">
          <p>{t('people.empty')}</p>
          <p className="muted small">{t('people.emptyHint', { columns: PEOPLE_CSV_REQUIRED.join(', ') })}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => setEditing('new')}>
              {t('people.addFirst')}
            </button>
            <button type="button" onClick={() => fileInput.current?.click()}>
              {t('people.importFirst')}
            </button>
          </div>
        </div>
      )}
      {people && people.length > 0 && (
        <>
          <p className="muted">{t('people.count', { count: people.length })}</p>
          <table className="people">
            <thead>
              <tr>
                <th scope="col">{t('people.name')}</th>
                <th scope="col">{t('people.email')}</th>
                <th scope="col">{t('people.phone')}</th>
                <th scope="col">{t('people.skills')}</th>
                <th scope="col">{t('people.contractHours')}</th>
                <th scope="col">{t('people.hourlyRate')}</th>
                <th scope="col">{t('people.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <Fragment key={p.id}>
                  <tr className={[p.archived ? 'archived' : '', asksOf.has(p.id) ? 'has-hub-ask' : ''].join(' ').trim() || undefined}>
                    <th scope="row">
                      <span className="swatch" style={{ backgroundColor: p.color }} aria-hidden="true" />
                      {p.name}
                      {p.archived && <span className="badge">{t('people.archived')}</span>}
                    </th>
                    <td dir="ltr" translate="no">{p.email ?? ''}</td>
                    <td dir="ltr" translate="no">{p.phone}</td>
                    <td>{fmt.list(p.skills.map(names.channel))}</td>
                    <td>{t('people.hoursValue', { hours: fmt.number(p.contractHoursPerWeek, 1) })}</td>
                    <td>{fmt.money(p.hourlyRate, team.currency)}</td>
                    <td>
                      <div className="row-actions">
                        <button type="button" aria-label={t('people.editWho', { name: p.name })} onClick={() => setEditing(p)}>
                          {t('people.edit')}
                        </button>
                        {p.archived ? (
                          <button type="button" aria-label={t('people.restoreWho', { name: p.name })} onClick={() => void act(() => call('person.restore', { id: p.id }))}>
                            {t('people.restore')}
                          </button>
                        ) : (
                          <button type="button" aria-label={t('people.archiveWho', { name: p.name })} onClick={() => void act(() => call('person.archive', { id: p.id }))}>
                            {t('people.archive')}
                          </button>
                        )}
                        <button type="button" aria-label={t('people.deleteWho', { name: p.name })} onClick={() => void act(() => call('person.delete', { id: p.id }))}>
                          {t('people.delete')}
                        </button>
                      </div>
                    </td>
                  </tr>
                  {asksOf.has(p.id) && (
                    <tr className="hub-ask-row">
                      <td colSpan={7}>
                        {asksOf.get(p.id)?.map((r) => <HubPreferenceAsk key={r.id} team={team} request={r} decision={decision} />)}
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </>
      )}
      {editing && (
        <PersonDialog
          team={team}
          person={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      )}
    </section>
  );
}
