import Database from 'better-sqlite3';
import fc from 'fast-check';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../core/contract';
import type { ApiResult } from '../../core/result';
import { writeXlsx } from '../../db/xlsx';
import { dataHash } from '../helpers/dbhash';
import { freshService } from '../helpers/service';

/**
 * Every API method gets random and hostile payloads through the transports' door
 * (dispatchAsync, what IPC and HTTP call). Each answer must be a result (never a
 * throw), a refusal must be one of our errors with a message (never "internal"), and
 * a refusal must commit nothing: a second connection's data_version moves on every
 * commit by anyone else, so it catches even a write that leaves equal bytes behind.
 */

const HUGE = 'x'.repeat(300_000);
const hostileValues: unknown[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -1,
  0,
  1.5,
  2 ** 53,
  1e308,
  '2026-02-30',
  '2026-13-01',
  '2026-11-31',
  '0000-00-00',
  '24:00',
  '99:99',
  '',
  HUGE,
  '\u0000',
  "'; DROP TABLE shift; --",
  '../../etc/passwd',
  '<img src=x onerror=alert(1)>',
  '\u202Eevil',
  null,
  true,
  [],
  {},
  JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
  { constructor: { prototype: { polluted: true } } },
];
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostileValues) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
);
// Values that pass the first checks, so payloads reach the handlers' own checks (dates in either order: reversed ranges).
const plausibleString = fc.constantFrom('2026-11-23', '2026-11-30', '2026-11-16', '2027-01-04', 'phone', 'chat', 'email', 'E', 'N', 'Europe/Istanbul', 'UTC', '08:00', '17:30', 'Ayşe Yılmaz', 'a@example.com');
const plausibleNumber = fc.constantFrom(1, 2, 3, 5, 8, 40, 60, 100, 1000);

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  values?: unknown[];
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** A payload shaped like the schema, with hostile values in random places. */
function shaped(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  let fitting: fc.Arbitrary<unknown>;
  switch (def.type) {
    case 'object': {
      const keys = Object.entries(def.shape ?? {});
      const fields = Object.fromEntries(keys.map(([k, s]) => [k, shaped(s, depth + 1)]));
      fitting = fc.record(fields, { requiredKeys: keys.map(([k]) => k).filter(() => true) }).chain((r) =>
        // Sometimes a field goes missing, sometimes a stranger joins (as an own __proto__ key, as JSON.parse makes it).
        fc.constantFrom('as-is', 'drop', 'extra', 'proto').map((how) => {
          const out: Record<string, unknown> = { ...r };
          const first = keys[0]?.[0];
          if (how === 'drop' && first) delete out[first];
          if (how === 'extra') out.isAdmin = true;
          if (how === 'proto') return { ...(JSON.parse('{"__proto__":{"polluted":true}}') as object), ...out };
          return out;
        }),
      );
      break;
    }
    case 'array':
      fitting = depth > 3 ? fc.constant([]) : fc.array(def.element ? shaped(def.element, depth + 1) : hostile, { maxLength: 3 });
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      fitting = def.innerType ? shaped(def.innerType, depth) : hostile;
      break;
    case 'pipe':
      fitting = def.in ? shaped(def.in, depth) : hostile;
      break;
    case 'union':
      fitting = fc.oneof(...(def.options ?? []).map((o) => shaped(o, depth + 1)), hostile);
      break;
    case 'enum':
      fitting = fc.constantFrom(...Object.values(def.entries ?? { x: 'x' }));
      break;
    case 'literal':
      fitting = fc.constantFrom(...(def.values ?? [null]));
      break;
    case 'string':
      fitting = plausibleString;
      break;
    case 'number':
      fitting = plausibleNumber;
      break;
    case 'boolean':
      fitting = fc.boolean();
      break;
    default:
      fitting = hostile;
  }
  return fc.oneof({ weight: 3, arbitrary: fitting }, { weight: 1, arbitrary: hostile });
}

// Valid payloads of these start minutes of solver work or a network call: they always get an unknown field, so only refusals are tried.
const SLOW_WHEN_VALID = new Set<MethodName>(['schedule.generate', 'schedule.start', 'caldav.publish', 'demo.create']);

const ERROR_CODE = /^[a-z][a-z_]*$/;

describe('hostile payloads to every API method', () => {
  it('are refused with one of our errors, nothing crashes, and a refusal commits nothing', async () => {
    const service = freshService();
    service.run('demo.create', {});
    const watcher = new Database(service.planner.filePath, { readonly: true });
    const version = () => Number(watcher.pragma('data_version', { simple: true }));
    // The watcher does see this connection's commits.
    const start = version();
    service.run('settings.set', { language: 'tr' });
    expect(version()).toBe(start + 1);
    const methods = Object.keys(contract) as MethodName[];
    expect(methods.length).toBeGreaterThan(90);
    const seen = { refused: 0, accepted: 0, pastValidation: 0 };
    const before = dataHash(service.planner.db);
    let wroteSomething = false;

    for (const method of methods) {
      const payload = SLOW_WHEN_VALID.has(method)
        ? shaped(contract[method].input).map((p) => (typeof p === 'object' && p !== null && !Array.isArray(p) ? { ...p, isAdmin: true } : p))
        : fc.oneof({ weight: 4, arbitrary: shaped(contract[method].input) }, { weight: 1, arbitrary: hostile });
      await fc.assert(
        fc.asyncProperty(payload, async (input) => {
          const was = version();
          const result: ApiResult<unknown> = await service.dispatchAsync(method, input);
          if (result.ok) {
            seen.accepted += 1;
            if (version() !== was) wroteSomething = true;
            return;
          }
          seen.refused += 1;
          const { error } = result;
          expect(error.code, `${method} ${error.message}`).not.toBe('internal');
          expect(error.code).toMatch(ERROR_CODE);
          expect(error.message.length).toBeGreaterThan(0);
          expect(Array.isArray(error.path)).toBe(true);
          if (!['invalid_type', 'required', 'unknown_field', 'too_big', 'too_small', 'invalid_value', 'invalid_format', 'invalid', 'invalid_email'].includes(error.code)) seen.pastValidation += 1;
          expect(version(), `${method} refused (${error.code}) but committed`).toBe(was);
        }),
        { numRuns: 60, seed: 20261127 + method.length },
      );
    }
    // Nothing reached Object.prototype.
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    // The test reached the handlers, not only the schemas.
    expect(seen.refused).toBeGreaterThan(methods.length * 15);
    expect(seen.pastValidation).toBeGreaterThan(50);
    if (!wroteSomething) expect(dataHash(service.planner.db)).toBe(before);
    expect(service.planner.db.pragma('integrity_check', { simple: true })).toBe('ok');
    watcher.close();
    service.close();
  }, 240_000);

  it('changes nothing when every payload is refused', async () => {
    const service = freshService();
    service.run('demo.create', {});
    const before = dataHash(service.planner.db);
    for (const method of Object.keys(contract) as MethodName[]) {
      for (const input of [{ isAdmin: true }, JSON.parse('{"__proto__":{"x":1},"teamId":1}') as unknown, 'not an object', [1, 2], Number.NaN]) {
        const result = await service.dispatchAsync(method, input);
        // Methods without input ignore nothing: an unknown field is refused too.
        expect(result.ok, `${method} accepted ${JSON.stringify(input)}`).toBe(false);
      }
    }
    expect(dataHash(service.planner.db)).toBe(before);
    service.close();
  });
});

/** One way of breaking a file: what a half-saved, mistyped or wrong file looks like. */
type Damage = { kind: 'truncate'; at: number } | { kind: 'field'; row: number; col: number; value: string } | { kind: 'garbage'; text: string } | { kind: 'header'; text: string } | { kind: 'quote'; row: number };

const badField = fc.constantFrom('2026-02-30', '2026-13-45', '31.02.2026', '', '-5', 'NaN', '1e400', '25:61', 'Nobody Known', 'nobody@example.com', '"', '\u0000', '\uFEFF', 'y'.repeat(5000), '=cmd|\' /C calc\'!A0');
const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('field' as const), row: fc.nat(), col: fc.nat(), value: badField }),
  fc.record({ kind: fc.constant('garbage' as const), text: fc.string({ unit: 'binary', maxLength: 400 }) }),
  fc.record({ kind: fc.constant('header' as const), text: fc.string({ maxLength: 40 }) }),
  fc.record({ kind: fc.constant('quote' as const), row: fc.nat() }),
);

function applyDamage(lines: readonly string[], d: Damage): string {
  const text = lines.join('\n');
  const rows = lines.slice(1);
  const pick = (n: number) => (rows.length ? n % rows.length : 0) + 1;
  switch (d.kind) {
    case 'truncate':
      return text.slice(0, d.at % text.length);
    case 'garbage':
      return d.text;
    case 'header':
      return [d.text, ...rows].join('\n');
    case 'quote': {
      const out = [...lines];
      out[pick(d.row)] = `"${out[pick(d.row)] ?? ''}`;
      return out.join('\n');
    }
    case 'field': {
      const out = [...lines];
      const i = pick(d.row);
      const fields = (out[i] ?? '').split(',');
      fields[d.col % fields.length] = d.value.includes(',') || d.value.includes('"') ? `"${d.value.replace(/"/g, '""')}"` : d.value;
      out[i] = fields.join(',');
      return out.join('\n');
    }
  }
}

describe('broken import files', () => {
  it('are refused whole, with the line where the problem is, and commit nothing', async () => {
    const service = freshService();
    const team = service.run('demo.create', {});
    const watcher = new Database(service.planner.filePath, { readonly: true });
    const version = () => Number(watcher.pragma('data_version', { simple: true }));
    const people = service.run('person.list', { teamId: team.id });
    const [a, b] = people;
    if (!a?.email || !b?.email) throw new Error('the demo has people with emails');
    const code = service.run('template.list', { teamId: team.id })[0]?.code ?? 'E';
    const files: Record<'person' | 'absence' | 'volume' | 'roster', string[]> = {
      person: ['name,email,phone,skills,contract_hours,hourly_rate', 'Anna Nowak,anna.n@example.com,+48 600,phone,40,35', '"Kowalski, Jan",jan.k@example.com,,email,20,30'],
      absence: ['person,type,start,end,hours,status', `${a.email},vacation,2027-03-01,2027-03-05,,approved`, `${b.name},vacation,2027-03-08,2027-03-08,4,requested`],
      volume: ['Id,Subject,Created at,Via,Status', '101,"Kart, bloke",2027-03-02 09:41:07,Phone call (incoming),solved', '102,Şifre,2027-03-02 09:52:00,Email,solved'],
      roster: ['person,date,code,start,end', `${a.email},2027-03-01,${code},,`, `${b.name},2027-03-02,,09:00,13:30`],
    };
    const send = async (kind: keyof typeof files, text: string, asXlsx: boolean): Promise<ApiResult<unknown>> => {
      if (kind === 'person') return service.dispatchAsync('person.import', { teamId: team.id, csv: text });
      if (kind === 'absence') return service.dispatchAsync('absence.import', { teamId: team.id, csv: text });
      if (kind === 'volume') return service.dispatchAsync('volume.import', { teamId: team.id, csv: text });
      if (!asXlsx) return service.dispatchAsync('roster.import', { teamId: team.id, format: 'csv', data: text });
      const rows = text.split('\n').map((l) => l.split(','));
      return service.dispatchAsync('roster.import', { teamId: team.id, format: 'xlsx', data: (await writeXlsx('Roster', rows)).toString('base64') });
    };
    const seen = { refused: 0, accepted: 0, withLines: 0 };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...(Object.keys(files) as (keyof typeof files)[])), damage, fc.boolean(), async (kind, d, asXlsx) => {
        const was = version();
        const hash = dataHash(service.planner.db);
        const result = await send(kind, applyDamage(files[kind], d), asXlsx);
        if (result.ok) {
          seen.accepted += 1;
          return;
        }
        seen.refused += 1;
        expect(result.error.code, result.error.message).not.toBe('internal');
        expect(result.error.message.length).toBeGreaterThan(0);
        for (const l of result.error.lines ?? []) {
          seen.withLines += 1;
          expect(l.line).toBeGreaterThanOrEqual(1);
          expect(l.message.length).toBeGreaterThan(0);
        }
        expect(version()).toBe(was);
        expect(dataHash(service.planner.db)).toBe(hash);
      }),
      { numRuns: 150, seed: 27112026 },
    );
    // A damaged xlsx (not a zip, cut short) is refused as such.
    const good = await writeXlsx('Roster', files.roster.map((l) => l.split(',')));
    for (const bytes of [good.subarray(0, good.length >> 1), Buffer.from('PK\u0003\u0004 not really'), Buffer.alloc(0)]) {
      const was = version();
      const r = await service.dispatchAsync('roster.import', { teamId: team.id, format: 'xlsx', data: bytes.toString('base64') });
      expect(r).toMatchObject({ ok: false });
      expect(version()).toBe(was);
    }
    expect(seen.refused).toBeGreaterThan(100);
    expect(seen.withLines).toBeGreaterThan(30);
    watcher.close();
    service.close();
  }, 120_000);
});
