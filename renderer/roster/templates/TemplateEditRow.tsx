import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftTemplate } from '../../../core/template';
import { errorText } from '../../api/errors';
import { useFormat } from '../../format';
import { NumberInput } from '../../shell/NumberInput';
import { TimeInput } from '../../shell/TimeInput';
import type { Draft } from './draft';
import { LengthQuestion } from './LengthQuestion';
import { SkillSelect } from './SkillSelect';
import type { TemplateEdit } from './useTemplateEdit';

/** A template's row while it is edited in place: Enter saves, Escape cancels; below it, its error or the question the save waits on. */
export function TemplateEditRow({ template: tp, draft: d, skills, edit }: { template: ShiftTemplate; draft: Draft; skills: readonly string[]; edit: TemplateEdit }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { editError, editErrors, question, setQuestion, save, stopEdit } = edit;
  const set = (patch: Partial<Draft>) => edit.setEdit({ ...d, ...patch });
  const invalid = (f: string) => ({ 'aria-invalid': editErrors.has(f) });
  const label = (field: string) => `${t(`templates.${field}`)} (${tp.code})`;
  const rowKeys = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      stopEdit();
    } else if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      void save();
    }
  };
  return (
    <>
      <tr className="editing" onKeyDown={rowKeys}>
        <th scope="row">
          <input aria-label={label('code')} {...invalid('code')} value={d.code} maxLength={6} size={4} onChange={(e) => set({ code: e.target.value })} autoFocus />
        </th>
        <td>
          <input aria-label={label('name')} {...invalid('name')} value={d.name} onChange={(e) => set({ name: e.target.value })} />
        </td>
        <td dir="ltr">
          <TimeInput aria-label={label('start')} {...invalid('startLocal')} value={d.startLocal} onChange={(e) => set({ startLocal: e.target.value })} />
        </td>
        <td dir="ltr">
          <TimeInput aria-label={label('end')} {...invalid('endLocal')} value={d.endLocal} onChange={(e) => set({ endLocal: e.target.value })} />
        </td>
        <td>
          <NumberInput aria-label={label('break')} {...invalid('breakMinutes')} inputMode="numeric" size={4} value={d.breakMinutes} onChange={(e) => set({ breakMinutes: e.target.value })} />
        </td>
        <td>
          <input aria-label={label('color')} type="color" value={d.color} onChange={(e) => set({ color: e.target.value })} />
        </td>
        <td>
          <SkillSelect aria-label={label('skill')} skills={skills} value={d.skill} onPick={(v) => set({ skill: v })} />
        </td>
        <td>
          <div className="row-actions">
            <button type="button" className="primary" onClick={() => void save()}>
              {t('templates.save')}
            </button>
            <button type="button" onClick={stopEdit}>
              {t('templates.cancel')}
            </button>
          </div>
        </td>
      </tr>
      {(editError || question) && (
        <tr className="editing-note">
          <td colSpan={8}>
            {editError && (
              <p role="alert" className="error">
                {[...editErrors.values()].map((e) => errorText(t, e)).join(' · ') || errorText(t, editError)}
              </p>
            )}
            {question?.kind === 'length' && <LengthQuestion question={question} onYes={() => void save({ confirmLength: true })} onNo={() => setQuestion(null)} />}
            {question?.kind === 'future' && (
              <div role="alertdialog" aria-label={t('templates.futureTitle')} className="confirm">
                <p>{t('templates.futureAsk', { count: question.shifts, code: question.code, from: fmt.day(question.from) })}</p>
                <button type="button" className="primary" onClick={() => void save({ confirmLength: true, futureShifts: 'update' })}>
                  {t('templates.futureUpdate', { count: question.shifts })}
                </button>
                <button type="button" onClick={() => void save({ confirmLength: true, futureShifts: 'keep' })}>
                  {t('templates.futureKeep')}
                </button>
                <button type="button" onClick={() => setQuestion(null)}>
                  {t('templates.cancel')}
                </button>
              </div>
            )}
          </td>
        </tr>
      )}
    </>
  );
}
