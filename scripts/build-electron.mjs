// Bundles the Electron main process and preload into build/electron as CommonJS.
// better-sqlite3 stays external (native); electron is provided by the runtime.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: ['electron', 'better-sqlite3'],
  logLevel: 'warning',
};

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'build/electron/main.cjs' });
// The sandboxed preload may only require 'electron': everything else is bundled in.
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'build/electron/preload.cjs' });
console.log('Built build/electron/main.cjs and preload.cjs');
