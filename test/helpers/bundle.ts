import { build } from 'esbuild';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * One TypeScript entry bundled into a CommonJS file, as scripts/build-electron.mjs bundles the
 * service host: a child run from it under plain Node measures the app's memory, not tsx's (the
 * loader alone holds about 100 MB). The native modules stay outside; run it with `bundleEnv()`.
 */
export async function bundleEntry(entry: string, outfile: string): Promise<string> {
  await build({
    entryPoints: [path.resolve(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron', 'better-sqlite3', 'highs'],
    define: { 'import.meta.dirname': '__dirname' },
    logLevel: 'warning',
  });
  return outfile;
}

/** The environment a bundle outside the project runs in: the project's node_modules on its path. */
export function bundleEnv(): NodeJS.ProcessEnv {
  return { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') };
}
