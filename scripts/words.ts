/**
 * One language's words as one file, for a translator: the words live one area per file with
 * all languages side by side (words/index.ts says why), which suits whoever adds a feature but
 * not whoever translates a whole language.
 *
 *   node --import tsx scripts/words.ts export fa [fa.json]   one tree of every area's Persian
 *   node --import tsx scripts/words.ts import fa fa.json     puts each area back into its file
 *
 * Import refuses a tree whose areas are not exactly the existing ones, and writes nothing then.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AREAS, WORD_LANGUAGES } from '../words/index';

const WORDS_DIR = path.resolve(import.meta.dirname, '../words');
type Tree = Record<string, unknown>;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function areaFile(area: string): string {
  return path.join(WORDS_DIR, `${area}.json`);
}

function readArea(area: string): Tree {
  return JSON.parse(fs.readFileSync(areaFile(area), 'utf8')) as Tree;
}

/** The same layout as the files in git: two spaces, real letters (not \u escapes), a final newline. */
function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

const [command, language, file] = process.argv.slice(2);
if (!language || !(WORD_LANGUAGES as readonly string[]).includes(language)) fail(`Give a language: ${WORD_LANGUAGES.join(', ')}`);

if (command === 'export') {
  const tree = Object.fromEntries(Object.keys(AREAS).map((area) => [area, readArea(area)[language]]));
  if (file) fs.writeFileSync(file, json(tree));
  else process.stdout.write(json(tree));
} else if (command === 'import') {
  if (!file) fail('Give the file to import');
  const tree = JSON.parse(fs.readFileSync(file, 'utf8')) as Tree;
  const missing = Object.keys(AREAS).filter((area) => !(area in tree));
  const unknown = Object.keys(tree).filter((area) => !(area in AREAS));
  if (missing.length > 0) fail(`${file}: no words for ${missing.join(', ')}`);
  if (unknown.length > 0) fail(`${file}: ${unknown.join(', ')} is not an area of the words (add its file to words/index.ts first)`);
  const updated = Object.keys(AREAS).map((area) => {
    const words = tree[area];
    if (typeof words !== 'object' || words === null || Array.isArray(words)) fail(`${file}: "${area}" is not a group of words`);
    return [area, { ...readArea(area), [language]: words }] as const;
  });
  // Every area checked before the first write, so a bad file changes nothing.
  for (const [area, all] of updated) fs.writeFileSync(areaFile(area), json(all));
  console.log(`${language}: ${updated.length} areas written`);
} else {
  fail('Usage: scripts/words.ts export|import LANGUAGE [FILE]');
}
