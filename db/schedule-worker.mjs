// Entry of the scheduling worker when running from source (CLI, browser mode, tests):
// TypeScript through tsx, as bin/rosterdesk.mjs does. The Electron build bundles
// schedule-worker.ts into build/electron/schedule-worker.cjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./schedule-worker.ts');
