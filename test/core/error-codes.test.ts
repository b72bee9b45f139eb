import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WARNING_CODES } from '../../core/absence';
import { ERROR_CODES, ERROR_MEANINGS, isErrorCode, type ErrorCode } from '../../core/errors';
import { TRANSLATIONS } from '../../words/index';

// The type check says it first: a code without English words does not compile.
const _english: Record<ErrorCode, string> = TRANSLATIONS.en.errors;

const ROOT = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx|mjs)$/.test(e.name) ? [rel] : [];
  });
}

/**
 * Codes written as literals where the type cannot see them: zod's `params: { code }` and
 * validators' issue('…') (zod types params as unknown), and hand-built `{ code, message }`
 * objects. zod's own issue kind ('custom'), absence warnings (WARNING_CODES) and the window's
 * rewording 'asWritten' (ShownCode, renderer/api/errors.ts) are other lists.
 */
const LITERAL_CODES = [/params:\s*\{\s*code:\s*'([^']*)'/g, /\bissue\('([^']*)'\)/g, /\bcode:\s*'([^']*)',\s*message\b/g, /new UserError\(\s*'([^']*)'/g, /\bfail\(\s*'([^']*)'/g];
const OTHER_LISTS = new Set<string>(['custom', 'asWritten', ...WARNING_CODES]);

describe('error codes', () => {
  it('each has a meaning', () => {
    expect(ERROR_CODES.length).toBeGreaterThan(50);
    expect(ERROR_CODES.filter((c) => ERROR_MEANINGS[c].trim() === '')).toEqual([]);
    expect(isErrorCode('not_found')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
  });

  it.each(Object.entries(TRANSLATIONS))('each has a message in %s', (_, words) => {
    const errors = words.errors as Record<string, unknown>;
    expect(ERROR_CODES.filter((c) => typeof errors[c] !== 'string' || (errors[c] as string).trim() === '')).toEqual([]);
  });

  it('no source file sends a code that is not on the list', () => {
    const unknown: string[] = [];
    let seen = 0;
    for (const dir of ['core', 'db', 'cli', 'electron', 'renderer']) {
      for (const file of sourceFiles(dir)) {
        const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
        for (const pattern of LITERAL_CODES) {
          for (const m of text.matchAll(pattern)) {
            const code = m[1] ?? '';
            seen += 1;
            if (!OTHER_LISTS.has(code) && !isErrorCode(code)) unknown.push(`${file}: ${code}`);
          }
        }
      }
    }
    expect(unknown).toEqual([]);
    // The patterns still find the codes as the code base writes them.
    expect(seen).toBeGreaterThan(200);
  });
});
