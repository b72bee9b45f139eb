import fs from 'node:fs';
import { UserError } from '../../core/errors';
import { startOfWeek, todayIn } from '../../core/time';
import { openPlanner } from '../../db/open';
import { createService } from '../../db/service';
import { appVersion } from '../app-version';
import type { Command } from '../command';
import { EXIT_OK, EXIT_USER_ERROR, UsageError } from '../io';
import { dbOption, languageOption, requireString } from '../options';
import { selectionOf, teamByName } from '../planner';

/** Commands that put shifts in calendars: an iCalendar file, or publishing to a CalDAV server. */

export const exportIcsCommand: Command = {
  usage: 'rosterdesk export ics --db FILE --team NAME [--person EMAIL] [--oncall ROTATION] [--absences] [--language en|tr|pl|fa] --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.ics',
  summary: "Write an iCalendar file: the team's shifts, one person's (with on-call), or a rotation's turns; --absences adds approved leave; --language (default: the app's language, else the team's)",
  options: { ...dbOption, team: { type: 'string' }, person: { type: 'string' }, oncall: { type: 'string' }, absences: { type: 'boolean' }, language: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
  positionals: 0,
  run: async ({ values }, io) => {
    const usage = exportIcsCommand.usage;
    const db = requireString(values, 'db', usage);
    const teamName = requireString(values, 'team', usage);
    const from = requireString(values, 'from', usage);
    const to = requireString(values, 'to', usage);
    const out = requireString(values, 'out', usage);
    const language = languageOption(values, usage);
    const service = createService(openPlanner(db, { create: false }), { appVersion: appVersion() });
    try {
      const team = teamByName(service, teamName);
      const { personId, rotationId } = selectionOf(service, team, values);
      const result = await service.callAsync('calendar.export', { teamId: team.id, from, to, personId, rotationId, absences: values.absences === true, language });
      if (!result.ok) throw new UserError(result.error.code, `--${String(result.error.path[0] ?? 'from')}: ${result.error.message}`);
      fs.writeFileSync(out, result.value.data, 'utf8');
      io.out(`Wrote ${result.value.events} events to ${out}\n`);
      return EXIT_OK;
    } finally {
      service.close();
    }
  },
};
export const publishCommand: Command = {
  usage: 'rosterdesk publish --db FILE --team NAME --url URL --user U [--person EMAIL] [--oncall ROTATION] [--absences] [--language en|tr|pl|fa] [--from YYYY-MM-DD --to YYYY-MM-DD] [--force]',
  summary: 'Publish shifts (or a person\'s, or a rotation\'s) to a CalDAV calendar; the password comes from ROSTERDESK_CALDAV_PASSWORD',
  options: { ...dbOption, team: { type: 'string' }, url: { type: 'string' }, user: { type: 'string' }, person: { type: 'string' }, oncall: { type: 'string' }, absences: { type: 'boolean' }, language: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, force: { type: 'boolean' } },
  positionals: 0,
  run: async ({ values }, io) => {
    const usage = publishCommand.usage;
    const db = requireString(values, 'db', usage);
    const teamName = requireString(values, 'team', usage);
    const url = requireString(values, 'url', usage);
    const user = requireString(values, 'user', usage);
    const password = process.env.ROSTERDESK_CALDAV_PASSWORD;
    // Never on the command line, where other users of the machine can read it.
    if (password === undefined) throw new UsageError('Set the password in the ROSTERDESK_CALDAV_PASSWORD environment variable', usage);
    if ((values.from === undefined) !== (values.to === undefined)) throw new UsageError('--from and --to go together', usage);
    const language = languageOption(values, usage);
    const service = createService(openPlanner(db, { create: false }), { appVersion: appVersion() });
    try {
      const team = teamByName(service, teamName);
      const { personId, rotationId } = selectionOf(service, team, values);
      const thisWeek = startOfWeek(todayIn(team.timeZone), team.weekStart);
      const from = typeof values.from === 'string' ? values.from : thisWeek.toString();
      const to = typeof values.to === 'string' ? values.to : thisWeek.add({ weeks: 8 }).subtract({ days: 1 }).toString();
      // The same URL, user and selection is the same target: it remembers what it has sent.
      const collection = url.endsWith('/') ? url : `${url}/`;
      const absences = values.absences === true;
      const existing = service.run('caldav.list', { teamId: team.id }).find((x) => x.url === collection && x.username === user && x.personId === personId && x.rotationId === rotationId);
      let target = existing;
      if (!target || target.absences !== absences) {
        const saved = service.call('caldav.save', { teamId: team.id, id: existing?.id ?? null, url, username: user, personId, rotationId, absences });
        if (!saved.ok) throw new UserError(saved.error.code, `--${saved.error.path[0] === 'username' ? 'user' : 'url'}: ${saved.error.message}`);
        target = saved.value;
      }
      const result = await service.callAsync('caldav.publish', { targetId: target.id, from, to, password, language, force: values.force === true });
      if (!result.ok) throw new UserError(result.error.code, result.error.message);
      const r = result.value;
      io.out(`Published ${from} – ${to} to ${target.url}: ${r.created} new, ${r.updated} changed, ${r.deleted} deleted, ${r.unchanged} unchanged\n`);
      const left = r.changedOnServer;
      if (left.length === 0) return EXIT_OK;
      // The calendar is not the plan yet: status 1, as `check` gives for problems found, so a scheduled run is noticed.
      const one = left.length === 1;
      io.err(`${left.length} ${one ? 'event was' : 'events were'} changed on the calendar server since the last publish and ${one ? 'was left as it is' : 'were left as they are'} there:\n`);
      for (const c of left) io.err(`  ${c.day} ${c.summary ?? 'no longer in the plan (--force deletes it)'} (${c.uid})\n`);
      io.err(`Publish again with --force to overwrite ${one ? 'it' : 'them'} with the plan.\n`);
      return EXIT_USER_ERROR;
    } finally {
      service.close();
    }
  },
};
