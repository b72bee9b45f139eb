import { calendarDateText } from '../core/calendar';
import type { PlanItem } from '../core/hub-plan';
import { LANGUAGE_NAMES, LANGUAGES } from '../core/contract';
import type { Account, Role } from './accounts';
import type { AdminView } from './admin';
import type { HubErrorCode } from './http';
import type { Words } from './format';
import type { DepartmentTeam, Membership, Team } from './plans';
import type { MyRequest, Offer } from './requests';
import type { TeamWeek, TeamWeekEntry } from './team-week';

/**
 * The hub's pages, written on the server: plain HTML forms that work on any phone, with no script
 * at all (the Content-Security-Policy allows none). Every value from the database or a request
 * goes through `html`'s escaping.
 */

/** Text made safe for HTML, or a fragment already made by `html`. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function html(strings: TemplateStringsArray, ...values: readonly unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    const parts = Array.isArray(v) ? v : [v];
    for (const p of parts) out += p instanceof Html ? p.text : p === null || p === undefined || p === false ? '' : escape(String(p));
    out += strings[i + 1] ?? '';
  });
  return new Html(out);
}

export interface PageContext {
  words: Words;
  account: Account | null;
  csrf: string | null;
}

const hidden = (csrf: string | null) => (csrf ? html`<input type="hidden" name="_csrf" value="${csrf}">` : html``);

export function layout(ctx: PageContext, title: string, body: Html, width: 'narrow' | 'wide' = 'narrow'): string {
  const { words } = ctx;
  const languages = html`<form method="post" action="/language" class="language">
    ${hidden(ctx.csrf)}
    <label>${words.w.language}
      <select name="language">${LANGUAGES.map((l) => html`<option value="${l}"${l === words.language ? html` selected` : html``} lang="${l}">${LANGUAGE_NAMES[l]}</option>`)}</select>
    </label>
    <button type="submit">${words.w.save}</button>
  </form>`;
  const account = ctx.account
    ? html`<form method="post" action="/logout">${hidden(ctx.csrf)}<bdi class="who">${ctx.account.name}</bdi> <button type="submit">${words.w.signOut}</button></form>`
    : html``;
  return `<!doctype html>${html`<html lang="${words.language}" dir="${words.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${words.w.title}</title>
<link rel="stylesheet" href="/hub.css">
</head>
<body>
<header><span class="brand">${words.w.title}</span>${account}</header>
<main class="${width}">
<h1>${title}</h1>
${body}
</main>
<footer class="${width}">${languages}</footer>
</body>
</html>`.text}`;
}

export function loginPage(ctx: PageContext, problem: string | null, email: string): string {
  const { w } = ctx.words;
  return layout(
    ctx,
    w.signInTitle,
    html`${problem ? html`<p class="problem" role="alert">${problem}</p>` : html``}
<form method="post" action="/login" class="stack">
  <label>${w.email}<input type="email" name="email" autocomplete="username" required value="${email}"></label>
  <label>${w.password}<input type="password" name="password" autocomplete="current-password" required></label>
  <button type="submit" class="primary">${w.signIn}</button>
</form>`,
  );
}

export const roleName = (ctx: PageContext, role: Role) => ctx.words.w[`role_${role}`];

export function invitePage(ctx: PageContext, invite: { email: string; role: Role } | null, token: string, problem: string | null): string {
  const { w } = ctx.words;
  if (!invite) return layout(ctx, w.inviteTitle, html`<p class="problem" role="alert">${w.inviteGone}</p>`);
  return layout(
    ctx,
    w.inviteTitle,
    html`<p>${ctx.words.say('invitedAs', { role: roleName(ctx, invite.role), email: invite.email })}</p>
${problem ? html`<p class="problem" role="alert">${problem}</p>` : html``}
<form method="post" action="/invite/${token}" class="stack">
  <input type="hidden" name="language" value="${ctx.words.language}">
  <label>${w.yourName}<input name="name" autocomplete="name" required maxlength="120"></label>
  <label>${w.choosePassword}<input type="password" name="password" autocomplete="new-password" required minlength="10"></label>
  <button type="submit" class="primary">${w.join}</button>
</form>`,
  );
}

export interface AgentView {
  memberships: Membership[];
  requests: MyRequest[];
  offers: Offer[];
  /** Something to confirm at the top (a request sent). */
  notice: string | null;
  /** Today (YYYY-MM-DD): the first day the page lists. */
  today: string;
  feedUrl: string | null;
  hasFeed: boolean;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

function requestLine(ctx: PageContext, r: MyRequest, teams: AgentView['memberships']): Html {
  const { words } = ctx;
  const { w } = words;
  const team = teams.find((t) => t.teamId === r.teamId);
  let what: string;
  if (r.kind === 'leave' && 'typeId' in r.body) {
    const body = r.body;
    const type = team?.leaveTypes.find((t) => t.id === body.typeId);
    const days = body.firstDay === body.lastDay ? words.day(body.firstDay) : `${words.day(body.firstDay)} – ${words.day(body.lastDay)}`;
    what = words.say('requestLeave', { type: type ? words.names.absenceType(type) : '', days });
  } else if (r.kind === 'swap' && 'turnKey' in r.body) {
    const turnKey = r.body.turnKey;
    const turn = team?.items.find((i) => i.kind === 'oncall' && i.key === turnKey);
    what = words.say('requestSwap', { when: turn?.kind === 'oncall' ? words.localDateTime(turn.body.startLocal) : turnKey });
  } else what = w.requestPreferences;
  const state =
    r.state === 'withdrawn' ? w.stateWithdrawn : r.decision === 'approved' ? w.stateApproved : r.decision === 'declined' ? w.stateDeclined : r.takerKey ? w.stateTaken : w.stateWaiting;
  const status = r.state === 'withdrawn' ? 'cancelled' : r.decision === 'approved' ? 'approved' : r.decision === 'declined' ? 'rejected' : 'requested';
  const open = r.state === 'pending' && r.decision === null;
  return html`<li><span>${what}</span> · <strong class="status-${status}">${state}</strong>${
    open ? html` <form method="post" action="/me/requests/${r.id}/withdraw" class="inline">${hidden(ctx.csrf)}<button type="submit">${w.withdraw}</button></form>` : html``
  }</li>`;
}

/**
 * The leave form's two days. Persian readers type Solar Hijri dates (year/month/day, either
 * digits): a browser's date picker knows only the Gregorian calendar. The hub reads them back
 * with the planner's own calendar conversion.
 */
function dateFields(ctx: PageContext, teamId: number): Html {
  const { w } = ctx.words;
  if (ctx.words.language !== 'fa') {
    return html`<label>${w.firstDay}<input type="date" name="firstDay" required></label>
    <label>${w.lastDay}<input type="date" name="lastDay" required></label>`;
  }
  const hint = `date-hint-${teamId}`;
  return html`<input type="hidden" name="calendar" value="persian">
    <p class="note" id="${hint}">${w.solarDateHint}</p>
    <label>${w.firstDay}<input name="firstDay" inputmode="numeric" autocomplete="off" required aria-describedby="${hint}" dir="ltr"></label>
    <label>${w.lastDay}<input name="lastDay" inputmode="numeric" autocomplete="off" required aria-describedby="${hint}" dir="ltr"></label>`;
}

function requestSections(ctx: PageContext, view: AgentView): Html {
  const { words } = ctx;
  const { w } = words;
  const teamField = (teamId: number) => html`<input type="hidden" name="teamId" value="${teamId}">`;
  const forms = view.memberships.map(
    (m) => html`<section aria-labelledby="ask-${m.teamId}">
  <h2 id="ask-${m.teamId}">${w.askLeave}${view.memberships.length > 1 ? html` · ${m.teamName}` : html``}</h2>
  <form method="post" action="/me/requests" class="stack">
    ${hidden(ctx.csrf)}${teamField(m.teamId)}<input type="hidden" name="kind" value="leave">
    <label>${w.leaveType}<select name="typeId" required>${m.leaveTypes.map((t) => html`<option value="${t.id}">${words.names.absenceType(t)}</option>`)}</select></label>
    ${dateFields(ctx, m.teamId)}
    <label>${w.note}<input name="note" maxlength="500"></label>
    <button type="submit" class="primary">${w.send}</button>
  </form>
</section>
<section aria-labelledby="avail-${m.teamId}">
  <h2 id="avail-${m.teamId}">${w.availability}${view.memberships.length > 1 ? html` · ${m.teamName}` : html``}</h2>
  <p class="note">${w.availabilityHelp}</p>
  <form method="post" action="/me/requests" class="stack">
    ${hidden(ctx.csrf)}${teamField(m.teamId)}<input type="hidden" name="kind" value="preferences">
    ${WEEKDAYS.map(
      (d) => html`<label>${words.weekday(d)}<select name="weekday${d}"><option value="">${w.prefAny}</option><option value="prefer_not">${w.prefPreferNot}</option><option value="cannot">${w.prefCannot}</option></select></label>`,
    )}
    <label>${w.note}<input name="note" maxlength="500"></label>
    <button type="submit" class="primary">${w.send}</button>
  </form>
</section>`,
  );
  const mine = html`<section aria-labelledby="requests">
  <h2 id="requests">${w.myRequests}</h2>
  ${view.requests.length === 0 ? html`<p>${w.noRequests}</p>` : html`<ul class="requests">${view.requests.map((r) => requestLine(ctx, r, view.memberships))}</ul>`}
</section>`;
  const offers =
    view.offers.length === 0
      ? html``
      : html`<section aria-labelledby="offers">
  <h2 id="offers">${w.openOffers}</h2>
  <ul class="requests">${view.offers.map((o) => html`<li>${o.turn ? html`${words.onCall(o.turn.rotation)} · ${words.localDateTime(o.turn.startLocal)} – ${words.localDateTime(o.turn.endLocal)}` : html``}${o.offeredBy ? html` · <bdi>${o.offeredBy}</bdi>` : html``} <form method="post" action="/me/offers/${o.id}/accept" class="inline">${hidden(ctx.csrf)}<button type="submit">${w.take}</button></form></li>`)}</ul>
</section>`;
  return html`${mine}${offers}${forms}`;
}

export function agentPage(ctx: PageContext, view: AgentView): string {
  const { words } = ctx;
  const { w } = words;
  const account = ctx.account;
  if (!account) throw new Error('agentPage needs an account');
  const sections: Html[] = [];
  if (view.memberships.length === 0) sections.push(html`<p class="note">${words.say('notListed', { email: account.email })}</p>`);
  for (const m of view.memberships) {
    const shifts = m.items.filter((i): i is Extract<PlanItem, { kind: 'shift' | 'oncall' }> => i.kind === 'shift' || i.kind === 'oncall');
    const leave = m.items.filter((i): i is Extract<PlanItem, { kind: 'leave' }> => i.kind === 'leave');
    const balances = m.items.filter((i): i is Extract<PlanItem, { kind: 'balance' }> => i.kind === 'balance');
    const byDay = new Map<string, typeof shifts>();
    for (const s of shifts) {
      const day = s.kind === 'shift' ? s.body.day : s.body.startLocal.slice(0, 10);
      // The page looks ahead; the days gone stay in the calendar feed and the API.
      if (day < view.today) continue;
      byDay.set(day, [...(byDay.get(day) ?? []), s]);
    }
    sections.push(html`<section aria-labelledby="team-${m.teamId}">
  <h2 id="team-${m.teamId}">${m.teamName}</h2>
  <p class="note">${m.publishedAt ? words.say('publishedAt', { when: words.instant(m.publishedAt, m.timeZone) }) : w.notPublished} · <a href="/team/${m.teamId}">${w.seeTeamWeek}</a></p>
  <h3>${w.myWeeks}</h3>
  ${
    byDay.size === 0
      ? html`<p>${w.nothingPlanned}</p>`
      : html`<ul class="days">${[...byDay.entries()].map(
          ([day, list]) => html`<li><span class="day">${words.day(day)}</span><ul>${list.map((s) =>
            s.kind === 'shift'
              ? html`<li class="shift"><span class="time">${words.digits(`${s.body.startLocal}–${s.body.endLocal}`)}</span> ${[s.body.code, s.body.skill === null ? null : words.names.channel(s.body.skill)].filter(Boolean).join(' · ')}</li>`
              : html`<li class="oncall">${words.onCall(s.body.rotation)} <span class="time">${words.digits(s.body.startLocal.slice(11, 16))}</span> ${words.say('until', { time: words.localDateTime(s.body.endLocal) })}
                  <form method="post" action="/me/requests" class="inline">${hidden(ctx.csrf)}<input type="hidden" name="teamId" value="${m.teamId}"><input type="hidden" name="kind" value="swap"><input type="hidden" name="turnKey" value="${s.key}"><button type="submit">${w.offerSwap}</button></form></li>`,
          )}</ul></li>`,
        )}</ul>`
  }
  <h3>${w.myLeave}</h3>
  ${
    leave.length === 0
      ? html`<p>${w.noLeave}</p>`
      : html`<ul class="leave">${leave.map((l) => html`<li><bdi>${words.names.absenceOf({ typeKey: l.body.typeKey, typeName: l.body.type })}</bdi> · ${words.day(l.body.firstDay)}${l.body.lastDay !== l.body.firstDay ? html` – ${words.day(l.body.lastDay)}` : html``}${l.body.hours === null ? html`` : html` · ${words.say('hoursADay', { hours: l.body.hours })}`} · <strong class="status-${l.body.status}">${w[`leave_${l.body.status}`]}</strong></li>`)}</ul>`
  }
  ${balances.length === 0 ? html`` : html`<h3>${words.say('balance', { year: words.digits(String(balances[0]?.body.year ?? '')) })}</h3><ul class="balance">${balances.map((b) => html`<li><bdi>${words.names.absenceOf({ typeKey: b.body.typeKey, typeName: b.body.type })}</bdi>: ${words.say(b.body.unit === 'hours' ? 'balanceLeftHours' : 'balanceLeft', { remaining: b.body.left, allowance: b.body.allowance + b.body.carryOver })}</li>`)}</ul>`}
</section>`);
  }
  if (view.memberships.length > 0) sections.push(requestSections(ctx, view));
  sections.push(html`<section aria-labelledby="feed">
  <h2 id="feed">${w.feedTitle}</h2>
  <p>${w.feedHelp}</p>
  ${view.feedUrl ? html`<p><input class="feed" readonly value="${view.feedUrl}" aria-label="${w.feedTitle}"></p>` : view.hasFeed ? html`` : html`<p>${w.feedNone}</p>`}
  <form method="post" action="/me/feed">${hidden(ctx.csrf)}<button type="submit">${view.hasFeed ? w.feedRenew : w.feedMake}</button></form>
  ${view.hasFeed ? html`<form method="post" action="/me/feed/off">${hidden(ctx.csrf)}<button type="submit">${w.feedOff}</button></form>` : html``}
</section>`);
  const notice = view.notice ? html`<p class="notice" role="status">${view.notice}</p>` : html``;
  return layout(ctx, words.say('hello', { name: account.name }), html`${notice}${sections}`);
}

/**
 * A team's published week, day by day: the shifts grouped by their hours (who works 08:00–16:00 on
 * the phone), then who is on call. The reader's own name stands out. Phone first: a list, not a
 * seven-column grid.
 */
export function teamWeekPage(ctx: PageContext, week: TeamWeek): string {
  const { words } = ctx;
  const { w } = words;
  const name = (e: TeamWeekEntry) => (e.personKey === week.me ? html`<strong><bdi>${e.person}</bdi> (${w.you})</strong>` : html`<bdi>${e.person}</bdi>`);
  const names = (list: readonly TeamWeekEntry[]) => list.map((e, i) => html`${i > 0 ? w.listSeparator : ''}${name(e)}`);
  const days = week.days.map((day) => {
    const shifts = week.entries.filter((e) => e.kind === 'shift' && e.day === day);
    const groups = new Map<string, TeamWeekEntry[]>();
    for (const s of shifts) {
      const key = [s.startLocal, s.endLocal, s.code ?? '', s.skill ?? ''].join('|');
      groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    // A turn is listed on the day it starts and on every day it holds at noon: a week-long turn on all seven, a night's only on its evening.
    const turns = week.entries.filter((e) => e.kind === 'oncall' && (e.startLocal.slice(0, 10) === day || (e.startLocal < `${day}T12:00` && e.endLocal > `${day}T12:00`)));
    return html`<li><span class="day">${words.day(day)}</span>${
      shifts.length === 0 && turns.length === 0
        ? html`<p class="note">${w.nobodyPlanned}</p>`
        : html`<ul>${[...groups.values()].map((list) => {
            const first = list[0] as TeamWeekEntry;
            const what = [first.code, first.skill === null ? null : words.names.channel(first.skill)].filter(Boolean).join(' · ');
            return html`<li class="shift"><span class="time">${words.digits(`${first.startLocal.slice(-5)}–${first.endLocal.slice(-5)}`)}</span>${what ? html` ${what}` : html``}: ${names(list)}</li>`;
          })}${turns.map((t) => html`<li class="oncall">${words.onCall(t.rotation ?? '')} <span class="time">${words.digits(t.startLocal.slice(11, 16))}</span> ${words.say('until', { time: words.localDateTime(t.endLocal) })}: ${name(t)}</li>`)}</ul>`
    }</li>`;
  });
  return layout(
    ctx,
    words.say('teamWeekTitle', { team: week.teamName }),
    html`<p class="note">${week.publishedAt ? words.say('publishedAt', { when: words.instant(week.publishedAt, week.timeZone) }) : w.notPublished} · ${w.teamWeekHelp}</p>
<nav class="weeks" aria-label="${w.weeks}"><a href="/team/${week.teamId}?week=${week.previousWeek}">${w.prevWeek}</a> <a href="/team/${week.teamId}">${w.thisWeek}</a> <a href="/team/${week.teamId}?week=${week.nextWeek}">${w.nextWeek}</a></nav>
<section aria-labelledby="week">
  <h2 id="week">${words.say('weekFrom', { day: words.day(week.weekStart) })}</h2>
  <ul class="days">${days}</ul>
</section>`,
  );
}

export function teamsPage(ctx: PageContext, title: string, help: string, teams: readonly Team[]): string {
  const { words } = ctx;
  return layout(
    ctx,
    title,
    html`<p>${help}</p>
<table>
  <thead><tr><th scope="col">${words.w.team}</th><th scope="col">${words.w.publishedAt.replace('{{when}}', '').trim() || words.w.team}</th></tr></thead>
  <tbody>${teams.map((t) => html`<tr><td><a href="/team/${t.id}">${t.name}</a></td><td>${t.publishedAt ? html`${words.instant(t.publishedAt, 'UTC')} · ${words.say('version', { version: t.version })}` : words.w.notPublished}</td></tr>`)}</tbody>
</table>`,
  );
}

/** Every team's published figures side by side, for the department's manager. */
export function departmentPage(ctx: PageContext, day: string, weeks: { previous: string; next: string }, teams: readonly DepartmentTeam[]): string {
  const { words } = ctx;
  const { w } = words;
  const month = new Intl.DateTimeFormat(words.language === 'fa' ? 'fa-IR-u-ca-persian' : words.language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  const money = (amount: number, currency: string) => new Intl.NumberFormat(words.language === 'fa' ? 'fa-IR' : words.language, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  const percent = (x: number) => new Intl.NumberFormat(words.language === 'fa' ? 'fa-IR' : words.language, { style: 'percent', maximumFractionDigits: 1 }).format(x);
  const rows = teams.map((t) => {
    const coverage =
      t.coverage.length === 0
        ? html`<span class="note">${t.publishedAt ? '—' : w.notPublishedYet}</span>`
        : html`<ul class="plain">${t.coverage.map((c) => html`<li>${words.say('coverageLine', { channel: words.names.channel(c.channel), onShift: c.onShiftHours, required: c.requiredHours })}${c.shortHours > 0 ? html` · <strong class="short">${words.say('shortBy', { hours: c.shortHours })}</strong>` : html``}</li>`)}</ul>`;
    const onCall = t.onCall.length === 0 ? html`<span class="note">${w.nobody}</span>` : html`<ul class="plain">${t.onCall.map((o) => html`<li><bdi>${o.person}</bdi> · ${words.names.rotation(o.rotation)} · ${words.say('until', { time: words.localDateTime(o.until) })}</li>`)}</ul>`;
    const cost = t.cost
      ? t.cost.budget === null
        ? words.say('noBudget', { cost: money(t.cost.cost, t.cost.currency) })
        : words.say('costLine', { cost: money(t.cost.cost, t.cost.currency), budget: money(t.cost.budget, t.cost.currency) })
      : '—';
    return html`<tr><th scope="row">${t.name}</th><td>${coverage}</td><td>${onCall}</td><td class="${t.cost && t.cost.budget !== null && t.cost.cost > t.cost.budget ? 'over' : ''}">${cost}</td><td>${t.cost ? percent(t.cost.absenceRate) : '—'}</td></tr>`;
  });
  return layout(
    ctx,
    w.deptTitle,
    html`<p>${w.deptHelp}</p>
<form method="get" action="/department" class="week">
  ${
    // Persian readers type a Solar Hijri day (a browser's date picker knows only the Gregorian calendar); the hub reads it with the planner's conversion.
    words.language === 'fa'
      ? html`<input type="hidden" name="calendar" value="persian"><label>${w.pickDay}<input name="day" value="${calendarDateText(day, 'persian')}" inputmode="numeric" autocomplete="off" dir="ltr" aria-describedby="day-hint"></label>`
      : html`<label>${w.pickDay}<input type="date" name="day" value="${day}"></label>`
  }
  <button type="submit">${w.showWeek}</button>
</form>
${words.language === 'fa' ? html`<p class="note" id="day-hint">${w.solarDateHint}</p>` : html``}
<nav class="weeks" aria-label="${w.weeks}"><a href="/department?day=${weeks.previous}">${w.prevWeek}</a> <a href="/department">${w.thisWeek}</a> <a href="/department?day=${weeks.next}">${w.nextWeek}</a></nav>
<div class="wide"><table>
  <caption>${words.say('weekOf', { day: words.day(day) })}</caption>
  <thead><tr><th scope="col">${w.team}</th><th scope="col">${w.coverage}</th><th scope="col">${w.onCallNow}</th><th scope="col">${words.say('costTitle', { month })}</th><th scope="col">${w.absenceRate}</th></tr></thead>
  <tbody>${rows}</tbody>
</table></div>`,
    'wide',
  );
}

/** What the administrator's page says after a change: a sentence, a one-time link, or a refusal. */
export interface AdminOutcome {
  notice?: string | null;
  invitation?: { email: string; link: string } | null;
  problem?: string | null;
}

const ADMIN_ROLES: readonly Role[] = ['agent', 'lead', 'manager', 'admin'];

/** The administrator's page: teams and who leads them, inviting people, and every account. */
export function adminPage(ctx: PageContext, view: AdminView, outcome: AdminOutcome = {}): string {
  const { words } = ctx;
  const { w } = words;
  const list = (names: readonly string[]) => names.map((n, i) => html`${i > 0 ? w.listSeparator : ''}<bdi>${n}</bdi>`);
  const invitation = outcome.invitation
    ? html`<div class="notice" role="status"><p>${words.say('inviteMade', { email: outcome.invitation.email })}</p><input class="feed" readonly value="${outcome.invitation.link}" aria-label="${w.inviteLinkLabel}"></div>`
    : html``;
  return layout(
    ctx,
    w.adminTitle,
    html`${outcome.notice ? html`<p class="notice" role="status">${outcome.notice}</p>` : html``}${outcome.problem ? html`<p class="problem" role="alert">${outcome.problem}</p>` : html``}${invitation}
<p>${w.adminHelp} <a href="/department">${w.deptTitle}</a></p>
<section aria-labelledby="invite">
  <h2 id="invite">${w.inviteSomeone}</h2>
  <form method="post" action="/admin/invitations" class="stack">
    ${hidden(ctx.csrf)}
    <label>${w.email}<input type="email" name="email" required maxlength="254" autocomplete="off"></label>
    <label>${w.inviteRole}<select name="role">${ADMIN_ROLES.map((r) => html`<option value="${r}">${roleName(ctx, r)}</option>`)}</select></label>
    ${view.teams.length === 0 ? html`` : html`<fieldset><legend>${w.inviteTeams}</legend>${view.teams.map((t) => html`<label class="check"><input type="checkbox" name="team${t.id}" value="on"> <bdi>${t.name}</bdi></label>`)}</fieldset>`}
    <button type="submit" class="primary">${w.makeInvite}</button>
  </form>
  ${view.invitations.length === 0 ? html`` : html`<h3>${w.openInvitations}</h3><ul class="requests">${view.invitations.map((i) => html`<li><bdi>${i.email}</bdi> · ${roleName(ctx, i.role)}${i.teams.length > 0 ? html` · ${list(i.teams)}` : html``} · ${words.say('expires', { when: words.instant(i.expiresAt, 'UTC') })}</li>`)}</ul>`}
</section>
<section aria-labelledby="teams">
  <h2 id="teams">${w.teamsTitle}</h2>
  ${view.teams.length === 0 ? html`<p>${w.noTeams}</p>` : html`<ul class="requests">${view.teams.map((t) => html`<li><bdi>${t.name}</bdi> · ${t.publishedAt ? words.say('publishedAt', { when: words.instant(t.publishedAt, 'UTC') }) : w.notPublished}${t.leads.length > 0 ? html` · ${w.teamLeadLabel}: ${list(t.leads)}` : html``}</li>`)}</ul>`}
  <form method="post" action="/admin/teams" class="stack">
    ${hidden(ctx.csrf)}
    <label>${w.teamName}<input name="name" required maxlength="200"></label>
    <button type="submit">${w.makeTeam}</button>
  </form>
</section>
<section aria-labelledby="accounts">
  <h2 id="accounts">${w.accountsTitle}</h2>
  <ul class="requests">${view.accounts.map((a) => html`<li${a.disabled ? html` class="disabled"` : html``}><bdi>${a.name}</bdi> · <bdi>${a.email}</bdi> · ${roleName(ctx, a.role)}${a.leads.length > 0 ? html` · ${list(a.leads)}` : html``}${a.disabled ? html` · <strong class="status-cancelled">${w.accountDisabled}</strong>` : html``}${
    a.id === ctx.account?.id ? html`` : html` <form method="post" action="/admin/accounts/${a.id}/${a.disabled ? 'enable' : 'disable'}" class="inline">${hidden(ctx.csrf)}<button type="submit">${a.disabled ? w.enableAccount : w.disableAccount}</button></form>`
  }</li>`)}</ul>
</section>`,
  );
}

/**
 * A refusal in the reader's language. The hub's own sentences are English and often name the
 * exact rule; other languages get their sentence for the kind of refusal, with the field.
 */
export function problemText(ctx: PageContext, err: { code: HubErrorCode; message: string; field: string | null }): string {
  if (ctx.words.language === 'en') return err.message;
  return ctx.words.say(`err_${err.code}`, { field: err.field ?? '' }).replace(' ()', '');
}

export function errorPage(ctx: PageContext, message: string): string {
  return layout(ctx, ctx.words.w.errorTitle, html`<p class="problem" role="alert">${message}</p><p><a href="/">${ctx.words.w.back}</a></p>`);
}

/** Phone first; logical properties, so Persian pages mirror without a second sheet. */
export const HUB_CSS = `
:root { color-scheme: light; --ink: #1d2433; --muted: #4a5568; --line: #d5dae3; --accent: #1f5fbf; --bad: #a11d2b; font-family: system-ui, "Segoe UI", "Noto Sans", "Vazirmatn", Tahoma, sans-serif; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #f6f7f9; line-height: 1.45; }
header { display: flex; justify-content: space-between; align-items: center; gap: 0.5rem; padding: 0.6rem 1rem; background: #fff; border-block-end: 1px solid var(--line); flex-wrap: wrap; }
header form { display: flex; align-items: center; gap: 0.5rem; margin: 0; }
.brand { font-weight: 600; }
main { max-width: 40rem; margin: 0 auto; padding: 0.5rem 1rem 2rem; }
main.wide { max-width: 80rem; }
div.wide { overflow-x: auto; }
caption { text-align: start; font-weight: 600; padding-block: 0.5rem; }
ul.plain { list-style: none; padding: 0; margin: 0; }
.short, td.over { color: var(--bad); }
form.week { display: flex; gap: 0.5rem; align-items: end; margin-block: 0.75rem; }
nav.weeks { display: flex; gap: 1rem; flex-wrap: wrap; margin-block: 0.75rem; }
nav.weeks a { padding-block: 0.5rem; }
th[scope="row"] { font-weight: 600; }
h1 { font-size: 1.35rem; }
h2 { font-size: 1.15rem; margin-block-start: 1.5rem; }
h3 { font-size: 1rem; margin-block: 1rem 0.4rem; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 0.25rem 1rem 1rem; margin-block: 1rem; }
.stack { display: grid; gap: 0.9rem; max-width: 24rem; }
label { display: grid; gap: 0.25rem; font-weight: 500; }
input, select, button { font: inherit; padding: 0.55rem 0.7rem; border: 1px solid #8a94a6; border-radius: 6px; min-height: 2.75rem; }
button { background: #fff; color: var(--ink); cursor: pointer; }
button.primary { background: var(--accent); border-color: var(--accent); color: #fff; font-weight: 600; }
button:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible { outline: 3px solid #f5a524; outline-offset: 2px; }
ul { padding-inline-start: 1.1rem; }
ul.days { list-style: none; padding: 0; margin: 0; }
ul.days > li { padding-block: 0.5rem; border-block-end: 1px solid var(--line); }
ul.days ul { list-style: none; padding: 0; margin: 0.2rem 0 0; }
.day { font-weight: 600; }
.time { font-variant-numeric: tabular-nums; font-weight: 600; }
.oncall { color: #6b2d8f; }
.note { color: var(--muted); }
.problem { color: var(--bad); font-weight: 600; }
.notice { background: #e7f4ec; border: 1px solid #9fd0b2; border-radius: 6px; padding: 0.5rem 0.75rem; }
form.inline { display: inline; }
form.inline button { min-height: 2.25rem; padding: 0.3rem 0.6rem; margin-inline-start: 0.4rem; }
ul.requests li { padding-block: 0.3rem; }
li.disabled { color: var(--muted); }
fieldset { border: 1px solid var(--line); border-radius: 6px; display: grid; gap: 0.4rem; }
label.check { display: flex; align-items: center; gap: 0.5rem; font-weight: 400; }
label.check input { min-height: 1.25rem; width: 1.25rem; }
.status-approved { color: #17663a; } .status-rejected, .status-cancelled { color: var(--bad); } .status-requested { color: #8a5a00; }
input.feed { width: 100%; direction: ltr; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: start; padding: 0.5rem; border-block-end: 1px solid var(--line); }
footer { max-width: 40rem; margin: 0 auto; padding: 1rem; }
footer.wide { max-width: 80rem; }
footer form.language { display: flex; gap: 0.5rem; align-items: end; }
footer label { font-weight: 400; }
`;
