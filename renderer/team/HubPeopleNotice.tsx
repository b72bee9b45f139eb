import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';
import type { HubPending } from '../roster/hub/requestText';

/**
 * Above the people list: who asked on the hub for other days and shifts, so the lead sees them
 * without opening anyone. Each name is isolated (a Latin name in a Persian sentence keeps its
 * own direction); the list is joined as the language joins lists.
 */
export function HubPeopleNotice({ waiting }: { waiting: readonly HubPending[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = [...new Set(waiting.map((r) => r.personName))];
  return (
    <p className="hub-asks-notice">
      <span className="badge hub-badge">{t('hubAsk.badge')}</span> {t('hubAsk.peopleWaiting', { count: names.length })}{' '}
      <strong>
        {fmt.listParts(names).map((part, i) => (
          <Fragment key={i}>{part.type === 'element' ? <bdi>{part.value}</bdi> : part.value}</Fragment>
        ))}
      </strong>
      . {t('hubAsk.peopleHow')}
    </p>
  );
}
