/**
 * The grid's "next week" figure alone, for 200 and 1 000 people, optionally against another
 * commit's UI in the same run (the same server and files; only the renderer build differs):
 *
 *   node --import tsx test/bench/grid.ts [--people 200,1000] [--runs 7] [--rounds 2] [--base <git ref>]
 *
 * `--base` exports that commit's tree with `git archive`, builds its renderer with vite beside
 * this checkout's node_modules, and alternates base and head round by round, so both see the
 * same machine load. The build under test is this checkout's build/renderer (npm run build:renderer).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildRenderer, repoRoot, treeAt } from './against';
import { gridRenderMs, rotaPlanner } from './grid-render';
import { median } from './timing';

const root = repoRoot;
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const sizes = (flag('people') ?? '200,1000').split(',').map(Number);
const runs = Number(flag('runs') ?? 7);
const rounds = Number(flag('rounds') ?? 2);
const baseRef = flag('base');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosterdesk-grid-bench-'));

/** The renderer of `ref`, built into a temp folder; returns the folder serve is to use. */
const buildAt = (ref: string): string => buildRenderer(treeAt(ref, dir));

const headDir = path.join(root, 'build', 'renderer');
if (!fs.existsSync(path.join(headDir, 'index.html'))) throw new Error('No build/renderer: run npm run build:renderer first.');
const builds: { name: string; rendererDir: string }[] = [{ name: 'head', rendererDir: headDir }];
if (baseRef) builds.unshift({ name: `base ${execFileSync('git', ['-C', root, 'rev-parse', '--short', baseRef]).toString().trim()}`, rendererDir: buildAt(baseRef) });

console.log(`Grid bench — ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(2)}; ${runs} presses × ${rounds} rounds per build\n`);
try {
  for (const people of sizes) {
    const file = path.join(dir, `rota-${people}.rosterdesk`);
    rotaPlanner(file, people);
    const figures = new Map<string, number[]>();
    for (let round = 0; round < rounds; round += 1) {
      for (const mode of ['next', 'jump'] as const) {
        for (const b of builds) {
          const key = `${mode === 'next' ? 'next week' : 'go to a week not read yet'}, ${people} people (${b.name})`;
          figures.set(key, [...(figures.get(key) ?? []), ...(await gridRenderMs(file, { runs, rendererDir: b.rendererDir, mode }))]);
        }
      }
    }
    for (const [label, ms] of figures) console.log(`${label.padEnd(58)} ${median(ms).toFixed(2).padStart(9)} ms  (median of ${ms.length}; ${ms.map((x) => x.toFixed(0)).join(' ')})`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
