import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../core/contract';
import { PLAN_KINDS } from '../../../core/hub-plan';
import type { Team } from '../../../core/team';
import { Temporal } from '../../../core/time';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useFormat, type Format } from '../../format';
import type { Later } from '../../i18n/later';
import { DateRangeFields } from '../../shell/DateRangeFields';
import { FormError } from '../../shell/FormError';
import { HubRequests } from './HubRequests';
import { defaultHubWindow } from './hubWindow';

type HubLink = NonNullable<MethodOutput<'hub.status'>>;
type HubPreview = MethodOutput<'hub.preview'>;

interface Props {
  team: Team;
  link: HubLink;
  /** What happened, said in the panel (null: nothing to say); `Later` words, so a switch of language says it again. */
  onNotice(words: Later | null): void;
  /** After a call that changes the link's figures (last publish, decisions to send). */
  onChanged(): void;
}

/** A preview and the days it was made for: Publish sends exactly what was shown. */
interface Shown {
  from: string;
  to: string;
  preview: HubPreview;
}

/** A linked team: where it publishes, the preview-then-publish step, the pull of requests, and disconnecting. */
export function HubLinkView({ team, link, onNotice, onChanged }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [days, setDays] = useState(() => defaultHubWindow(team));
  const [shown, setShown] = useState<Shown | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const { error, act } = useAction();

  /** One hub call at a time: they go over the network, and a second click must not send a second publish. */
  async function run(work: () => Promise<void>) {
    setBusy(true);
    onNotice(null);
    await act(work).finally(() => setBusy(false));
  }

  // Other days than the preview's: that preview no longer says what Publish would send.
  const moveWindow = (next: { from: string; to: string }) => {
    setDays(next);
    setShown(null);
  };

  const preview = () =>
    run(async () => {
      setShown(null);
      const { from, to } = days;
      setShown({ from, to, preview: await call('hub.preview', { teamId: team.id, from, to }) });
    });

  const publish = (s: Shown) =>
    run(async () => {
      try {
        const r = await call('hub.publish', { teamId: team.id, from: s.from, to: s.to, baseVersion: s.preview.baseVersion });
        onNotice((s) => s.t('hubLink.published', { version: r.version, upserts: r.upserts, deletes: r.deletes, decisions: r.decisions }));
      } finally {
        // Sent or refused (the hub moved on since the preview), the preview is spent: the next publish starts from a new one.
        setShown(null);
        onChanged();
      }
    });

  const sync = () =>
    run(async () => {
      const r = await call('hub.sync', { teamId: team.id });
      onNotice((s) =>
        [
          r.received === 0 ? s.t('hubLink.syncedNone') : s.t('hubLink.synced', { count: r.received }),
          r.leave > 0 ? s.t('hubLink.syncedLeave', { count: r.leave }) : '',
          r.withdrawn > 0 ? s.t('hubLink.syncedWithdrawn', { count: r.withdrawn }) : '',
        ]
          .filter((x) => x !== '')
          .join(' '),
      );
      onChanged();
    });

  const disconnect = () =>
    run(async () => {
      await call('hub.disconnect', { teamId: team.id });
      setAsking(false);
      onNotice((s) => s.t('hubLink.disconnected'));
      onChanged();
    });

  return (
    <div className="hub-link">
      <dl className="facts" aria-label={t('hubLink.linkTitle')}>
        <dt>{t('hubLink.address')}</dt>
        <dd>
          <bdi dir="ltr">{link.url}</bdi>
        </dd>
        <dt>{t('hubLink.account')}</dt>
        <dd>
          <bdi dir="ltr">{link.email}</bdi>
        </dd>
        <dt>{t('hubLink.linkedTeam')}</dt>
        <dd>
          <bdi>{link.hubTeamName}</bdi>
        </dd>
        <dt>{t('hubLink.lastPublish')}</dt>
        <dd>{link.lastPublishedAt === null ? t('hubLink.neverPublished') : t('hubLink.publishedWhen', { when: shortMoment(fmt, link.lastPublishedAt), version: link.lastVersion ?? 0 })}</dd>
        <dt>{t('hubLink.decisionsToSend')}</dt>
        <dd>{fmt.number(link.decisionsToSend)}</dd>
        <dt>{t('hubLink.waiting')}</dt>
        <dd>{fmt.number(link.waiting)}</dd>
      </dl>
      <div className="toolbar">
        <DateRangeFields
          from={days.from}
          to={days.to}
          onFrom={(from) => moveWindow({ ...days, from })}
          onTo={(to) => moveWindow({ ...days, to })}
          labels={{ from: t('hubLink.from'), to: t('hubLink.to') }}
          names={{ from: t('hubLink.windowFrom'), to: t('hubLink.windowTo') }}
          weekStart={team.weekStart}
        />
      </div>
      <div className="actions wrap">
        <button type="button" className={shown ? undefined : 'primary'} disabled={busy} onClick={() => void preview()}>
          {t('hubLink.preview')}
        </button>
        <button type="button" disabled={busy} onClick={() => void sync()}>
          {t('hubLink.sync')}
        </button>
        <button type="button" disabled={busy} aria-expanded={asking} onClick={() => setAsking((a) => !a)}>
          {t('hubLink.disconnect')}
        </button>
      </div>
      {asking && (
        <div className="confirm" role="alertdialog" aria-labelledby="hub-disconnect-ask">
          <p id="hub-disconnect-ask">{t('hubLink.disconnectAsk', { team: team.name, url: link.url })}</p>
          {/* The safe choice has the keyboard. */}
          <button type="button" autoFocus onClick={() => setAsking(false)}>
            {t('common.cancel')}
          </button>
          <button type="button" className="danger" disabled={busy} onClick={() => void disconnect()}>
            {t('hubLink.disconnect')}
          </button>
        </div>
      )}
      <FormError error={error} fieldCount={0} />
      {shown && <PreviewView shown={shown} busy={busy} onPublish={() => void publish(shown)} />}
      <HubRequests team={team} onNotice={onNotice} />
    </div>
  );
}

/** A moment as day and minute on this computer's clock: the panel is narrow, and a weekday and seconds say nothing here. */
function shortMoment(fmt: Format, iso: string): string {
  const at = Temporal.Instant.from(iso).toZonedDateTimeISO(Temporal.Now.timeZoneId());
  return `${fmt.day(at.toPlainDate().toString())} ${fmt.clock(at.toPlainTime().toString({ smallestUnit: 'minute' }))}`;
}

/** What a publish of these days would send, kind by kind, with Publish under it. */
function PreviewView({ shown, busy, onPublish }: { shown: Shown; busy: boolean; onPublish(): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { preview } = shown;
  const known = new Set<string>(PLAN_KINDS);
  // The plan's order (team, people, shifts, …); only the kinds something happens to.
  const rows = [...preview.byKind]
    .filter((k) => k.added + k.changed + k.removed > 0)
    .sort((a, b) => PLAN_KINDS.indexOf(a.kind as (typeof PLAN_KINDS)[number]) - PLAN_KINDS.indexOf(b.kind as (typeof PLAN_KINDS)[number]));
  const nothing = rows.length === 0 && preview.counts.decisions === 0;
  return (
    <div className="hub-preview" role="group" aria-labelledby="hub-preview-title">
      <h4 id="hub-preview-title">{t('hubLink.previewTitle')}</h4>
      <p className="muted small">
        {fmt.day(shown.from)} – {fmt.day(shown.to)}
      </p>
      {nothing ? (
        <p>{t('hubLink.nothingToSend')}</p>
      ) : (
        <>
          {rows.length > 0 && (
            <table className="figures-table" aria-labelledby="hub-preview-title">
              <thead>
                <tr>
                  <th scope="col">{t('hubLink.kindColumn')}</th>
                  <th scope="col">{t('hubLink.added')}</th>
                  <th scope="col">{t('hubLink.changed')}</th>
                  <th scope="col">{t('hubLink.removed')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((k) => (
                  <tr key={k.kind}>
                    <th scope="row">{known.has(k.kind) ? t(`hubLink.kind.${k.kind as (typeof PLAN_KINDS)[number]}`) : k.kind}</th>
                    <td>{fmt.number(k.added)}</td>
                    <td>{fmt.number(k.changed)}</td>
                    <td>{fmt.number(k.removed)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {preview.counts.decisions > 0 && <p>{t('hubLink.decisions', { count: preview.counts.decisions })}</p>}
        </>
      )}
      {preview.counts.unchanged > 0 && <p className="muted small">{t('hubLink.unchanged', { count: preview.counts.unchanged })}</p>}
      {!nothing && (
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={onPublish}>
            {t('hubLink.publish')}
          </button>
        </div>
      )}
    </div>
  );
}
