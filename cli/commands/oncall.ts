import { toCsv } from '../../core/csv';
import { UserError } from '../../core/errors';
import { matchTeamName } from '../../core/team';
import type { Command } from '../command';
import { EXIT_OK, UsageError } from '../io';
import { dbOption, requireString } from '../options';
import { teamByName, withService } from '../planner';

/** `rosterdesk oncall`: the final on-call schedule of a team. */

export const oncallCommand: Command = {
  usage: 'rosterdesk oncall --db FILE --team NAME [--rotation NAME] --from YYYY-MM-DD --to YYYY-MM-DD [--format json|csv]',
  summary: 'Print the final on-call schedule: who is on call from when to when (ISO 8601 with offsets)',
  options: { ...dbOption, team: { type: 'string' }, rotation: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' } },
  positionals: 0,
  run: ({ values }, io) => {
    const usage = oncallCommand.usage;
    const db = requireString(values, 'db', usage);
    const teamName = requireString(values, 'team', usage);
    const from = requireString(values, 'from', usage);
    const to = requireString(values, 'to', usage);
    const format = values.format ?? 'json';
    if (format !== 'json' && format !== 'csv') throw new UsageError(`--format must be json or csv, not "${String(format)}"`, usage);
    return withService(db, (s) => {
      const team = teamByName(s, teamName);
      let rotationId: number | null = null;
      if (typeof values.rotation === 'string') {
        const wanted = values.rotation;
        const all = s.run('rotation.list', { teamId: team.id });
        const found = matchTeamName(all, wanted);
        if (!found) throw new UserError('not_found', `${team.name} has no on-call rotation called "${wanted}"${all.length ? ` (rotations: ${all.map((r) => r.name).join(', ')})` : ''}`);
        rotationId = found.id;
      }
      const result = s.call('oncall.schedule', { teamId: team.id, rotationId, from, to });
      if (!result.ok) throw new UserError(result.error.code, `--${String(result.error.path[0] ?? 'from')}: ${result.error.message}`);
      const rows = result.value.map((b) => ({ rotation: b.rotation, person: b.person, start: b.start, end: b.end, layer: b.layer }));
      io.out(format === 'json' ? JSON.stringify(rows, null, 2) + '\n' : toCsv([['rotation', 'person', 'start', 'end', 'layer'], ...rows.map((r) => [r.rotation, r.person, r.start, r.end, r.layer])]));
      return EXIT_OK;
    }, false);
  },
};
