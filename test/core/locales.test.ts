import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES, ReportKind } from '../../core/contract';
import { AREAS, TRANSLATIONS, WORD_LANGUAGES } from '../../words/index';

const { en, tr, pl, fa } = TRANSLATIONS;
const WORDS_DIR = path.resolve(import.meta.dirname, '../../words');

type Tree = { [key: string]: string | Tree };

/** Every key path, with i18next plural endings folded so Polish "few"/"many" match English "one"/"other". */
function keys(tree: Tree, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(tree)) {
    const path = `${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`;
    if (typeof v === 'string') out.add(path);
    else for (const sub of keys(v, `${path}.`)) out.add(sub);
  }
  return out;
}

describe('translations', () => {
  it('reads every words file, and each holds exactly the four languages', () => {
    const files = readdirSync(WORDS_DIR).filter((f) => f.endsWith('.json'));
    // A file index.ts does not import would be words nobody sees.
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(Object.keys(AREAS).sort());
    for (const f of files) {
      const parsed = JSON.parse(readFileSync(path.join(WORDS_DIR, f), 'utf8')) as Record<string, unknown>;
      expect(Object.keys(parsed), f).toEqual([...WORD_LANGUAGES]);
    }
  });

  const english = keys(en as Tree);
  it.each([
    ['tr', tr],
    ['pl', pl],
    ['fa', fa],
  ])('%s has exactly the English keys', (_, locale) => {
    const other = keys(locale as Tree);
    expect([...english].filter((k) => !other.has(k)), 'missing').toEqual([]);
    expect([...other].filter((k) => !english.has(k)), 'extra').toEqual([]);
  });

  it('names every report of the contract on its export buttons in every language', () => {
    // The buttons look the name up by the report's kind: a new report without its name would show the key.
    const names = ReportKind.options.map((kind) => `reports.reportName.${kind}`);
    for (const locale of [en, tr, pl, fa]) {
      const have = keys(locale as Tree);
      expect(names.filter((k) => !have.has(k))).toEqual([]);
    }
  });

  it('names every undoable API method in the undo button of every language', () => {
    const undoable = METHOD_NAMES.filter((m) => contract[m].undo !== null).map((m) => `actions.${m}`);
    for (const locale of [en, tr, pl, fa]) {
      const have = keys(locale as Tree);
      expect(undoable.filter((k) => !have.has(k))).toEqual([]);
    }
  });
});
