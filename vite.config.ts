import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from './core/csp.ts';

/** The CSP lives in core/csp.ts; the page gets it as a meta tag (frame-ancestors only works as a header). */
function cspMeta(): Plugin {
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'rosterdesk-csp',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  root: path.resolve(import.meta.dirname, 'renderer'),
  // Relative asset URLs: the same build loads from app:// in Electron and from /TOKEN/ in browser mode.
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'build/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
