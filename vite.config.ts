import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// The build id ends up in the app (Settings shows it) and in the service worker, so every
// build that differs is seen by browsers as an update.
const buildId = process.env.LOUPE_BUILD_ID ?? new Date().toISOString();

export default defineConfig({
  define: {
    __LOUPE_BUILD_ID__: JSON.stringify(buildId),
  },
  plugins: [
    react(),
    VitePWA({
      // 'prompt': a new service worker waits until the person accepts "Update ready";
      // registration is ours (src/pwa/register-sw.ts) through workbox-window.
      registerType: 'prompt',
      injectRegister: false,
      manifest: false, // public/manifest.webmanifest is the one source, linked from index.html
      includeAssets: ['manifest.webmanifest', 'icons/*.png', 'favicon.svg'],
      workbox: {
        // wasm: the QR decoder (src/scan/qr-decoder.ts), needed offline in the vault.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,woff2,wasm}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        clientsClaim: false,
        skipWaiting: false,
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
    }),
  ],
  build: {
    outDir: 'dist',
    sourcemap: true,
    target: 'es2022',
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/domain/**/*.test.ts', 'tests/server/**/*.test.ts', 'tests/db/**/*.test.ts', 'tests/sync/**/*.test.ts', 'tests/photos/**/*.test.ts'],
          setupFiles: ['tests/setup/node.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          // Unlocking runs a real PBKDF2 PIN hash, slow on two busy cores: give screens time.
          testTimeout: 20_000,
          include: ['tests/app/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/setup/jsdom.ts'],
        },
      },
    ],
  },
});
