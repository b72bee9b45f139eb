// Bundles the Electron main process, preload and the service host (the utility process the
// planner runs in, electron/host-entry.ts) into build/electron as CommonJS.
// better-sqlite3 stays external (native), as does highs (it loads its .wasm from its own
// folder); electron is provided by the runtime. The scheduling worker is its own bundle.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: ['electron', 'better-sqlite3', 'highs'],
  // Code that finds files next to itself (the scheduling worker) does so from the bundle's folder.
  define: { 'import.meta.dirname': '__dirname' },
  logLevel: 'warning',
};

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'build/electron/main.cjs' });
// The sandboxed preload may only require 'electron': everything else is bundled in.
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'build/electron/preload.cjs' });
// main.cjs forks host.cjs from its own folder; host.cjs finds schedule-worker.cjs and integrity-worker.cjs beside itself.
await build({ ...common, entryPoints: ['electron/host-entry.ts'], outfile: 'build/electron/host.cjs' });
await build({ ...common, entryPoints: ['db/schedule-worker.ts'], outfile: 'build/electron/schedule-worker.cjs' });
await build({ ...common, entryPoints: ['db/integrity-worker.ts'], outfile: 'build/electron/integrity-worker.cjs' });
console.log('Built build/electron/main.cjs, preload.cjs, host.cjs, schedule-worker.cjs and integrity-worker.cjs');
