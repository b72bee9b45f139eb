import { z } from 'zod';
import { Person, PersonCreate, PersonUpdate } from '../person';
import { Team, TeamCreate, TeamUpdate } from '../team';
import { id } from '../validators';
import { CsvDialectInput, empty, IMPORT_MAX_BYTES, importFile, type MethodSpec } from './inputs';

/** The contract's methods about teams and their people (with what each would rather not work). */

const Preference = z.object({ weekday: z.number(), templateId: z.number().nullable(), kind: z.enum(['cannot', 'prefer_not']) });
const PreferenceInput = z.strictObject({ weekday: z.number().int().min(1).max(7), templateId: z.number().int().positive().nullable().default(null), kind: z.enum(['cannot', 'prefer_not']) });

export const peopleMethods = {
  'team.list': { input: empty, output: z.array(Team), undo: null },
  'team.create': { input: TeamCreate, output: Team, undo: 'Create team' },
  'team.update': { input: TeamUpdate, output: Team, undo: 'Edit team' },

  'person.list': {
    input: z.strictObject({
      teamId: id,
      query: z.string().max(200).default(''),
      includeArchived: z.boolean().default(false),
    }),
    output: z.array(Person),
    undo: null,
  },
  'person.get': { input: z.strictObject({ id }), output: Person, undo: null },
  'person.create': { input: PersonCreate, output: Person, undo: 'Add person' },
  'person.update': { input: PersonUpdate, output: Person, undo: 'Edit person' },
  'person.archive': { input: z.strictObject({ id }), output: Person, undo: 'Archive person' },
  'person.restore': { input: z.strictObject({ id }), output: Person, undo: 'Restore person' },
  'person.delete': { input: z.strictObject({ id }), output: z.object({ id }), undo: 'Delete person' },
  'person.import': {
    // 10 MB of CSV is far more than 10 000 people; the cap keeps a hostile payload cheap.
    input: z.strictObject({ teamId: id, ...importFile(IMPORT_MAX_BYTES.people) }),
    output: z.object({ created: z.number() }),
    undo: 'Import people',
  },
  /** The team's people as the people CSV (the columns person.import reads), so a file exported imports back. */
  'person.export': {
    input: z.strictObject({ teamId: id, includeArchived: z.boolean().default(false), csv: CsvDialectInput }),
    output: z.object({ filename: z.string(), mime: z.string(), encoding: z.literal('utf8'), data: z.string(), rows: z.number() }),
    undo: null,
  },
  /** What a person cannot or would rather not work: by ISO weekday, for one template or any (templateId null). */
  'person.preferences': { input: z.strictObject({ personId: id }), output: z.array(Preference), undo: null },
  'person.setPreferences': { input: z.strictObject({ personId: id, preferences: z.array(PreferenceInput).max(100) }), output: z.array(Preference), undo: 'Edit preferences' },
} as const satisfies Record<string, MethodSpec>;
