import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** The API listens here in development (SPEC §4: PORT defaults to 3000). */
const apiTarget = 'http://localhost:3000';

/**
 * API paths the dev server forwards. Web pages live under /app, /login, /register and /invite,
 * so a reload of a page never collides with an API route of the same name (GET /contacts …).
 */
const apiPaths = [
  'auth',
  'me',
  'users',
  'sandbox',
  'billing',
  'whatsapp',
  'messages',
  'conversations',
  'contacts',
  'broadcast',
  'broadcasts',
  'templates',
  'deals',
  'pipelines',
  'automations',
  'analytics',
  'ai',
  'api-keys',
  'webhooks',
  'meta',
  'admin',
  'healthz',
  'readyz',
  'metrics',
  'openapi.json',
  'docs',
  'labels',
  'canned-responses',
  'media',
];
const apiPattern = `^/(${apiPaths.map((p) => p.replace('.', '\\.')).join('|')})(/|\\?|$)`;

export default defineConfig({
  root: webRoot,
  base: '/',
  // Keep Vite's dependency cache with the root install rather than a stray web/node_modules.
  cacheDir: fileURLToPath(new URL('../node_modules/.vite/web', import.meta.url)),
  plugins: [react()],
  // The web app imports the shared zod schemas as @domain/… (tsconfig.json `paths`, jest moduleNameMapper).
  resolve: { alias: { '@domain': fileURLToPath(new URL('../domain', import.meta.url)) } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    port: 5173,
    // @domain resolves outside the web root.
    fs: { allow: [repoRoot] },
    proxy: {
      [apiPattern]: { target: apiTarget, changeOrigin: false },
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
});
