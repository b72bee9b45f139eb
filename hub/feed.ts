import type { PlanItem } from '../core/hub-plan';
import { writeCalendar, type IcsEvent } from '../core/ics';
import type { Account } from './accounts';
import { wordsFor, type Words } from './format';
import { one, type Queryable } from './pg';
import { membershipsOf, personItems, teamItem } from './plans';
import { newToken, tokenHash } from './secrets';

/**
 * A personal calendar feed: `/feed/<secret>.ics`, which a phone's calendar subscribes to and
 * reads again now and then, so it follows every publish. The secret is the only key (calendar
 * apps send no cookies); the hub keeps its hash, a new one replaces it, and turning it off
 * deletes it, so a leaked address can be shut.
 */

export async function renewFeed(db: Queryable, accountId: number): Promise<string> {
  const secret = newToken();
  await db.query('INSERT INTO feed (account_id, secret_hash) VALUES ($1, $2) ON CONFLICT (account_id) DO UPDATE SET secret_hash = excluded.secret_hash, created_at = now()', [accountId, tokenHash(secret)]);
  return secret;
}

export async function revokeFeed(db: Queryable, accountId: number): Promise<void> {
  await db.query('DELETE FROM feed WHERE account_id = $1', [accountId]);
}

export async function feedAccount(db: Queryable, secret: string): Promise<Account | null> {
  if (!/^[A-Za-z0-9_-]{40,60}$/.test(secret)) return null;
  return one<Account>(db, 'SELECT a.id, a.email, a.name, a.role, a.language FROM feed f JOIN account a ON a.id = f.account_id WHERE f.secret_hash = $1 AND a.disabled_at IS NULL', [tokenHash(secret)]);
}

const FEED_PAST_DAYS = 28;
const FEED_AHEAD_DAYS = 120;
const DAY_MS = 86_400_000;

/** The account's shifts and on-call turns in every team that lists them, from four weeks back to four months ahead. */
export async function feedCalendar(db: Queryable, account: Account, now: Date, productVersion: string): Promise<string> {
  const words = wordsFor(account.language);
  const from = new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS).toISOString();
  const to = new Date(now.getTime() + FEED_AHEAD_DAYS * DAY_MS).toISOString();
  const events: IcsEvent[] = [];
  for (const m of await membershipsOf(db, account.email)) {
    const team = await teamItem(db, m.teamId);
    const version = (await one<{ version: number }>(db, 'SELECT version FROM team WHERE id = $1', [m.teamId]))?.version ?? 0;
    for (const item of await personItems(db, m.teamId, m.personKey, ['shift', 'oncall'], from, to)) {
      const event = eventOf(item, m.teamId, team?.body.name ?? m.teamName, version, words);
      if (event) events.push(event);
    }
  }
  return writeCalendar({ name: `${words.w.title} · ${account.name}`, events, stampUtc: Math.floor(now.getTime() / 1000), productVersion });
}

/** A shift or turn as a calendar event, written as the agent's page writes it (channel and rotation in the reader's language). */
function eventOf(item: PlanItem, teamId: number, teamName: string, version: number, words: Words): IcsEvent | null {
  const seconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);
  // The team's version only grows, so a calendar app takes a changed event as the newer one.
  const common = { uid: `${teamId}-${item.key}@rosterdesk-hub`, sequence: version };
  if (item.kind === 'shift') {
    const what = [item.body.code, item.body.skill === null ? null : words.names.channel(item.body.skill)].filter(Boolean).join(' · ');
    return { ...common, start: seconds(item.startsAt), end: seconds(item.endsAt), summary: `${words.digits(`${item.body.startLocal}–${item.body.endLocal}`)}${what ? ` ${what}` : ''}`, description: teamName, location: teamName };
  }
  if (item.kind === 'oncall') {
    return { ...common, start: seconds(item.startsAt), end: seconds(item.endsAt), summary: words.onCall(item.body.rotation), description: teamName, categories: ['on-call'] };
  }
  return null;
}
