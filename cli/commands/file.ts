import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../core/errors';
import type { Team } from '../../core/team';
import { startOfWeek, todayIn } from '../../core/time';
import { openPlanner } from '../../db/open';
import { restoreBackup, writeBackup } from '../../db/backup';
import type { Command } from '../command';
import { EXIT_OK, UsageError } from '../io';
import { dbOption, requireString } from '../options';
import { teamByName, withService } from '../planner';

/** Commands on the planner file itself: create it, back it up, restore a backup, check it. */

export const initCommand: Command = {
  usage: 'rosterdesk init --db FILE [--demo]',
  summary: 'Create a new planner file (with the demo team if --demo)',
  options: { ...dbOption, demo: { type: 'boolean' } },
  positionals: 0,
  run: ({ values }, io) => {
    const db = requireString(values, 'db', initCommand.usage);
    if (fs.existsSync(db) && fs.statSync(db).size > 0) throw new UserError('exists', `${db} already exists; init never overwrites a file`);
    return withService(
      db,
      (s) => {
        if (values.demo) {
          const team = s.run('demo.create', {});
          const people = s.run('person.list', { teamId: team.id }).length;
          io.out(`Created ${path.resolve(db)} with the demo team "${team.name}" (${people} people)\n`);
        } else io.out(`Created ${path.resolve(db)}\n`);
        return EXIT_OK;
      },
      true,
    );
  },
};
export const backupCommand: Command = {
  usage: 'rosterdesk backup --db FILE --out FILE',
  summary: 'Write a consistent copy of a planner file (safe while the app has it open)',
  options: { ...dbOption, out: { type: 'string' } },
  positionals: 0,
  run: async ({ values }, io) => {
    const usage = backupCommand.usage;
    const db = requireString(values, 'db', usage);
    const out = requireString(values, 'out', usage);
    // Reading only, without taking the file: a backup may be made while the app has it open.
    const planner = openPlanner(db, { create: false, readOnly: true });
    try {
      await writeBackup(planner.db, out);
    } finally {
      planner.db.close();
      planner.release();
    }
    io.out(`Backed up ${planner.filePath} to ${out}\n`);
    return EXIT_OK;
  },
};
export const restoreCommand: Command = {
  usage: 'rosterdesk restore --db FILE --from BACKUP',
  summary: 'Put a backup in place of a planner file (close the app first); the current file is kept as a safety copy',
  options: { ...dbOption, from: { type: 'string' } },
  positionals: 0,
  run: ({ values }, io) => {
    const usage = restoreCommand.usage;
    const db = requireString(values, 'db', usage);
    const from = requireString(values, 'from', usage);
    const { safetyCopy } = restoreBackup(from, db, new Date());
    io.out(`Restored ${db} from ${from}${safetyCopy ? `; the file as it was is kept as ${safetyCopy}` : ''}\n`);
    return Promise.resolve(EXIT_OK);
  },
};
export const checkCommand: Command = {
  usage: 'rosterdesk check --db FILE [--team NAME] [--from YYYY-MM-DD --to YYYY-MM-DD] [--json]',
  summary: 'Check a planner file: its integrity, and the working-time rules of the rota (default: this week and the next three)',
  options: { ...dbOption, team: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } },
  positionals: 0,
  run: ({ values }, io) => {
    const usage = checkCommand.usage;
    const db = requireString(values, 'db', usage);
    const from = typeof values.from === 'string' ? values.from : undefined;
    const to = typeof values.to === 'string' ? values.to : undefined;
    if ((from === undefined) !== (to === undefined)) throw new UsageError('--from and --to go together', usage);
    return withService(db, (s) => {
      const report = s.run('file.check', {});
      const chosen = typeof values.team === 'string' ? [teamByName(s, values.team)] : s.run('team.list', {});
      const violations = chosen.flatMap((team) => {
        const range = from && to ? { from, to } : defaultCheckRange(team);
        const found = s.call('roster.check', { teamId: team.id, ...range });
        if (!found.ok) throw new UserError(found.error.code, `--${String(found.error.path[0] ?? 'from')}: ${found.error.message}`);
        return found.value.map((v) => ({ team: team.name, rule: v.rule, person: v.personName, day: v.day, message: v.message }));
      });
      const { integrity, teams, problems } = report;
      if (values.json) io.out(JSON.stringify({ ...report, violations }, null, 2) + '\n');
      else {
        io.out(`${report.file}: schema ${report.schemaVersion}, integrity ${integrity}\n`);
        for (const t of teams) io.out(`  ${t.name}: ${t.people} people\n`);
        for (const p of problems) io.out(`  problem: ${p}\n`);
        for (const v of violations) io.out(`${v.rule}\t${v.person}\t${v.day}\t${v.message}\n`);
        if (!problems.length && !violations.length) io.out('No problems found.\n');
      }
      const count = problems.length + violations.length;
      if (count) throw new UserError('problems', `${count} problem(s) found in ${report.file}`);
      return EXIT_OK;
    });
  },
};

/** This week and the next three, in the team's own zone and week. */
function defaultCheckRange(team: Team): { from: string; to: string } {
  const start = startOfWeek(todayIn(team.timeZone), team.weekStart);
  return { from: start.toString(), to: start.add({ days: 27 }).toString() };
}
