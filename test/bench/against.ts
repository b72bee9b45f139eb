/**
 * Another commit's tree beside this checkout, to measure both in one run: `npm run bench --
 * --base <ref>` runs that commit's whole bench, then this one's, and prints each figure with
 * the earlier one under it (the grid bench alternates the two renderers round by round).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** `ref`'s files (git archive) in a temp folder, with this checkout's node_modules; returns the folder. */
export function treeAt(ref: string, dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosterdesk-base-'))): string {
  const tree = path.join(dir, 'base');
  fs.mkdirSync(tree);
  execFileSync('sh', ['-c', `git -C "${repoRoot}" archive "${ref}" | tar -x -C "${tree}"`], { stdio: 'inherit' });
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(tree, 'node_modules'));
  return tree;
}

/** Builds the renderer of a tree (the grid bench measures it in Chromium). */
export function buildRenderer(tree: string): string {
  execFileSync(process.execPath, [path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: tree, stdio: 'inherit' });
  return path.join(tree, 'build', 'renderer');
}

/** Runs a tree's bench, echoing its lines to stderr as they come, and returns them. */
function benchLines(tree: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('test', 'bench', 'run.ts')], { cwd: tree, stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(text.split('\n')) : reject(new Error(`the bench in ${tree} ended with code ${code}`))));
  });
}

/**
 * A line as its figure's name and value: the bench pads names to 58 characters and right-aligns
 * numbers, so the name ends at the first run of two or more spaces (a longer name runs on to it).
 */
function split(line: string): { label: string; value: string } {
  const m = /^(\s*\S.*?)(?:\s{2,}(.*))?$/.exec(line);
  return { label: m?.[1] ?? line, value: (m?.[2] ?? '').trim() };
}

export async function benchAgainst(ref: string): Promise<void> {
  const short = execFileSync('git', ['-C', repoRoot, 'rev-parse', '--short', ref]).toString().trim();
  const tree = treeAt(ref);
  if (fs.existsSync('/usr/bin/chromium') || process.env.CHROMIUM_PATH) buildRenderer(tree);
  process.stderr.write(`— the bench of ${short} —\n`);
  const before = new Map((await benchLines(tree)).filter((l) => l.trim()).map((l) => [split(l).label, split(l).value]));
  process.stderr.write(`— the bench of this checkout —\n`);
  const after = await benchLines(repoRoot);
  console.log(`\nEach figure of this checkout, with ${short}'s from the same run under it:\n`);
  for (const line of after) {
    console.log(line);
    const { label, value } = split(line);
    const earlier = before.get(label);
    if (line.trim() && earlier && earlier !== value) console.log(`${`    ${short}:`.padEnd(58)} ${earlier}`);
  }
  fs.rmSync(path.dirname(tree), { recursive: true, force: true });
}
