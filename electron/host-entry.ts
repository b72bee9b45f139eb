import { serveHost } from './service-host';

/**
 * The file the main process starts with utilityProcess.fork (bundled as build/electron/host.cjs):
 * the service host on the utility process's port to its parent. Only the listener's shape is
 * Electron's (the message arrives as `event.data`); everything else is service-host.ts.
 */
const parent = process.parentPort;
serveHost({
  postMessage: (message) => parent.postMessage(message),
  onMessage: (listener) => parent.on('message', (event) => listener(event.data)),
});
