import { useTranslation } from 'react-i18next';
import type { RotationSaved } from '../../core/oncall';
import { ruleParams, useBuiltinNames } from '../i18n/useBuiltinNames';
import { useOnCallFormat } from './oncallFormat';
import { shortestRestPerDay } from './restConflictLines';

/** After saving: the people whose shifts the rotation's standby leaves too little rest, day by day, in the rule's words. */
export function RestConflicts({ saved, onDismiss }: { saved: RotationSaved; onDismiss(): void }) {
  const { t } = useTranslation();
  const f = useOnCallFormat();
  const names = useBuiltinNames();
  const rotationName = names.rotation(saved.name);
  const lines = shortestRestPerDay(saved.conflicts);
  const clear = lines.length === 0;
  return (
    <section className={clear ? 'rest-conflicts clear' : 'rest-conflicts'} role={clear ? 'status' : 'alert'} aria-labelledby="rest-conflicts-title">
      <h3 id="rest-conflicts-title">{clear ? t('oncall.noConflicts', { rotation: rotationName }) : t('oncall.conflicts', { rotation: rotationName, count: lines.length })}</h3>
      {!clear && (
        <ul>
          {lines.map((v) => (
            <li key={`${v.personId}-${v.day}`}>
              <strong>{v.personName}</strong> · {f.fmt.dayLong(v.day)} · {t(`rules.${v.rule}`, ruleParams(v.params, names))}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="link" onClick={onDismiss}>
        {t('oncall.dismiss')}
      </button>
    </section>
  );
}
