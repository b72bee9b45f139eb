import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../core/contract';
import type { Team } from '../../../core/team';
import { useApiQuery } from '../../api/queries';
import { useNotice } from '../../i18n/later';
import { LoadError } from '../../shell/LoadError';
import { HubConnectForm, HubTeamChoice, type PendingChoice } from './HubConnect';
import { HubLinkView } from './HubLinkView';

type HubLink = NonNullable<MethodOutput<'hub.status'>>;

interface Props {
  team: Team;
  /** Raised by the rota's "Department hub" menu item: the panel's heading takes the focus and scrolls into view. */
  focusKey: number;
}

/**
 * The team's link to a department hub (`rosterdesk hub`): connecting to it, then previewing and
 * publishing the plan, pulling the agents' requests and deciding the ones that are not leave.
 * The hub's session is the service's to keep (with the passwords); this panel only ever holds the
 * password typed, until the connect it was typed for has answered.
 */
export function HubPanel({ team, focusKey }: Props) {
  const { t } = useTranslation();
  const statusQuery = useApiQuery('hub.status', { teamId: team.id });
  const [notice, setNotice] = useNotice();
  const [choice, setChoice] = useState<PendingChoice | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const el = heading.current;
    if (focusKey === 0 || !el) return;
    // Only the panel that holds the heading scrolls (scrollIntoView would move the whole page and the rota with it).
    let box = el.parentElement;
    while (box && !(box.scrollHeight > box.clientHeight && /(auto|scroll)/.test(getComputedStyle(box).overflowY))) box = box.parentElement;
    // A little room above, for the focus ring.
    if (box) box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
    el.focus({ preventScroll: true });
  }, [focusKey]);

  // Another team on screen: what was said or half-chosen belongs to the one before.
  useEffect(() => {
    setNotice(null);
    setChoice(null);
  }, [team.id, setNotice]);

  function connected(link: HubLink) {
    setChoice(null);
    setNotice((s) => s.t('hubLink.connected', { team: team.name, hubTeam: link.hubTeamName }));
    statusQuery.reload();
  }

  const link = statusQuery.data;
  return (
    <section aria-labelledby="hub-title" className="publish hub">
      <h3 id="hub-title" ref={heading} tabIndex={-1}>
        {t('hubLink.title')}
      </h3>
      <p className="muted small">{t('hubLink.help')}</p>
      <LoadError errors={[statusQuery.error]} />
      {choice ? (
        <HubTeamChoice team={team} choice={choice} onConnected={connected} onCancel={() => setChoice(null)} />
      ) : link === null ? (
        <HubConnectForm
          team={team}
          onConnected={connected}
          onChoose={(c) => {
            setNotice(null);
            setChoice(c);
          }}
        />
      ) : link ? (
        <HubLinkView team={team} link={link} onNotice={setNotice} onChanged={statusQuery.reload} />
      ) : null}
      {/* Always in the page, so a screen reader hears each new notice. */}
      <p role="status" className="hub-notice">
        {notice}
      </p>
    </section>
  );
}
