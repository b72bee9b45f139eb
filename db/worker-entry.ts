import fs from 'node:fs';
import path from 'node:path';

/**
 * Where a worker thread's code is, by its name (`schedule-worker`, `integrity-worker`): the bundle
 * next to the Electron build (scripts/build-electron.mjs puts each beside host.cjs), or the
 * source's .mjs entry, which loads the TypeScript through tsx (CLI, browser mode, tests).
 */
export function workerEntry(name: string): string {
  const here = import.meta.dirname;
  const bundled = path.join(here, `${name}.cjs`);
  return fs.existsSync(bundled) ? bundled : path.join(here, `${name}.mjs`);
}
