// Entry of the integrity worker when running from source (CLI, browser mode, tests):
// TypeScript through tsx, as bin/rosterdesk.mjs does. The Electron build bundles
// integrity-worker.ts into build/electron/integrity-worker.cjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./integrity-worker.ts');
