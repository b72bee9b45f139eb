#!/usr/bin/env node
// Runs the TypeScript CLI directly (tsx), so `npx rosterdesk` works right after
// `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../cli/main.ts');
const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
process.exitCode = code;
