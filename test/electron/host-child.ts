import { serveHost } from '../../electron/service-host';

/**
 * The tests' stand-in for electron/host-entry.ts: the same host, in a process forked by Node
 * instead of Electron, over the fork's IPC channel with `serialization: 'advanced'` (structured
 * cloning, as Electron's message port). Only this adapter is not the app's code.
 */
const send = process.send?.bind(process);
if (!send) throw new Error('host-child.ts runs under child_process.fork');
serveHost({
  postMessage: (message) => send(message as object),
  onMessage: (listener) => void process.on('message', listener),
});
