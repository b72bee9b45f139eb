import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/errors';
import type { Team } from '../../core/team';
import { call } from '../api/client';
import { errorText } from '../api/errors';
import { useApiQuery } from '../api/queries';
import { useFormat } from '../format';
import { useBuiltinNames } from '../i18n/useBuiltinNames';
import { LoadError } from '../shell/LoadError';
import { AddTemplateForm } from './templates/AddTemplateForm';
import { caught } from './templates/caught';
import { TemplateEditRow } from './templates/TemplateEditRow';
import { useTemplateAdd } from './templates/useTemplateAdd';
import { useTemplateEdit } from './templates/useTemplateEdit';
import { useNotice } from '../i18n/later';

/**
 * The team's shift templates: the codes typed into the rota. Each row edits in place (Enter
 * saves, Escape cancels); an unusual length asks first, and a change of times that planned
 * shifts use asks whether they follow.
 */
export function TemplatesPanel({ team }: { team: Team }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useBuiltinNames();
  const listQuery = useApiQuery('template.list', { teamId: team.id });
  const list = listQuery.data ?? [];
  const [notice, setNotice] = useNotice();
  const [rowError, setRowError] = useState<ApiError | null>(null);
  const adding = useTemplateAdd(team, list, setNotice);
  const edit = useTemplateEdit(list, setNotice);
  const empty = Boolean(listQuery.data) && list.length === 0;

  return (
    <section className="card" aria-labelledby="templates-title">
      <h2 id="templates-title">{t('templates.title')}</h2>
      <LoadError errors={[listQuery.error, edit.usageError]} />
      {notice && <p role="status">{notice}</p>}
      {rowError && (
        <p role="alert" className="error">
          {errorText(t, rowError)}
        </p>
      )}
      {empty && (
        <div className="explain empty-state">
          <p>{t('templates.empty')}</p>
          <p className="muted">{t('templates.emptyHint')}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void adding.addSuggested()}>
              {t('templates.suggest')}
            </button>
          </div>
        </div>
      )}
      {list.length > 0 && (
        <table className="templates">
          <thead>
            <tr>
              <th scope="col">{t('templates.code')}</th>
              <th scope="col">{t('templates.name')}</th>
              <th scope="col">{t('templates.start')}</th>
              <th scope="col">{t('templates.end')}</th>
              <th scope="col">{t('templates.break')}</th>
              <th scope="col">{t('templates.color')}</th>
              <th scope="col">{t('templates.skill')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('templates.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((tp) =>
              tp.id === edit.editingId && edit.edit ? (
                <TemplateEditRow key={tp.id} template={tp} draft={edit.edit} skills={team.skills} edit={edit} />
              ) : (
                <tr key={tp.id}>
                  <th scope="row">
                    <span className="swatch" style={{ backgroundColor: tp.color }} aria-hidden="true" />
                    {tp.code}
                  </th>
                  <td>{names.template(tp)}</td>
                  <td>{fmt.clock(tp.startLocal)}</td>
                  <td>{fmt.clock(tp.endLocal)}</td>
                  <td>{fmt.number(tp.breakMinutes)}</td>
                  <td className="nowrap">
                    <span className="swatch" style={{ backgroundColor: tp.color }} aria-hidden="true" /> <span dir="ltr" translate="no">{tp.color}</span>
                  </td>
                  <td>{tp.skill === null ? t('templates.none') : names.channel(tp.skill)}</td>
                  <td>
                    <div className="row-actions">
                      <button type="button" aria-label={t('templates.editWho', { code: tp.code })} onClick={() => edit.startEdit(tp)}>
                        {t('templates.edit')}
                      </button>
                      <button type="button" aria-label={t('templates.removeWho', { code: tp.code })} onClick={() => void call('template.archive', { id: tp.id }).then(() => setRowError(null), caught(setRowError))}>
                        {t('templates.remove')}
                      </button>
                    </div>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      <AddTemplateForm skills={team.skills} empty={empty} state={adding} />
    </section>
  );
}
