import { describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES } from '../../core/contract';
import en from '../../words/en.json';
import fa from '../../words/fa.json';
import pl from '../../words/pl.json';
import tr from '../../words/tr.json';

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

  it('names every undoable API method in the undo button of every language', () => {
    const undoable = METHOD_NAMES.filter((m) => contract[m].undo !== null).map((m) => `actions.${m}`);
    for (const locale of [en, tr, pl, fa]) {
      const have = keys(locale as Tree);
      expect(undoable.filter((k) => !have.has(k))).toEqual([]);
    }
  });
});
