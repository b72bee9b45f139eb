import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../shell/Field';
import { FormError } from '../../shell/FormError';
import { NumberInput } from '../../shell/NumberInput';
import { TimeInput } from '../../shell/TimeInput';
import { LengthQuestion } from './LengthQuestion';
import { SkillSelect } from './SkillSelect';
import type { TemplateAdd } from './useTemplateAdd';

/** The form that adds a template; on an empty team its heading says "add your own" beside the suggestion. */
export function AddTemplateForm({ skills, empty, state }: { skills: readonly string[]; empty: boolean; state: TemplateAdd }) {
  const { t } = useTranslation();
  const { adding, setAdding, addColor, addError, addErrors, addQuestion, setAddQuestion, add } = state;
  return (
    <form
      className="form-grid"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void add(false);
      }}
      aria-label={t('templates.add')}
      noValidate
    >
      <h3>{empty ? t('templates.addOwn') : t('templates.add')}</h3>
      <Field label={t('templates.code')} hint={t('templates.codeHint')} error={addErrors.get('code')}>
        {(p) => <input {...p} value={adding.code} maxLength={6} onChange={(e) => setAdding({ ...adding, code: e.target.value })} />}
      </Field>
      <Field label={t('templates.name')} error={addErrors.get('name')}>
        {(p) => <input {...p} value={adding.name} onChange={(e) => setAdding({ ...adding, name: e.target.value })} />}
      </Field>
      <Field label={t('templates.start')} error={addErrors.get('startLocal')}>
        {(p) => <TimeInput {...p} value={adding.startLocal} onChange={(e) => setAdding({ ...adding, startLocal: e.target.value })} />}
      </Field>
      <Field label={t('templates.end')} hint={t('templates.hint')} error={addErrors.get('endLocal')}>
        {(p) => <TimeInput {...p} value={adding.endLocal} onChange={(e) => setAdding({ ...adding, endLocal: e.target.value })} />}
      </Field>
      <Field label={t('templates.break')} error={addErrors.get('breakMinutes')}>
        {(p) => <NumberInput {...p} inputMode="numeric" value={adding.breakMinutes} onChange={(e) => setAdding({ ...adding, breakMinutes: e.target.value })} />}
      </Field>
      <Field label={t('templates.color')} error={addErrors.get('color')}>
        {(p) => <input {...p} type="color" value={addColor} onChange={(e) => setAdding({ ...adding, color: e.target.value })} />}
      </Field>
      <Field label={t('templates.skill')} error={addErrors.get('skill')}>
        {(p) => <SkillSelect {...p} skills={skills} value={adding.skill} onPick={(v) => setAdding({ ...adding, skill: v })} />}
      </Field>
      <FormError error={addError} fieldCount={addErrors.size} />
      {addQuestion?.kind === 'length' && <LengthQuestion question={addQuestion} onYes={() => void add(true)} onNo={() => setAddQuestion(null)} />}
      <div className="actions">
        <button type="submit" className="primary">
          {t('templates.add')}
        </button>
      </div>
    </form>
  );
}
