import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Each third-party library lives behind one module; these rules keep it that way.
const onlyIn = (name, where) => ({
  name,
  message: `Import ${name} only from ${where}.`,
});

export default tseslint.config(
  { ignores: ['dist', 'dist-server', 'node_modules', 'data', 'bench/anchor', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
  // Library wrappers: Dexie only in src/db, zustand only in src/state, html5-qrcode only in the
  // scanner adapter, the ZXing-C++ decoder only in its installer, tus-js-client only in one upload.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/db/**', 'src/state/**', 'src/scan/qr-camera.ts', 'src/scan/qr-decoder.ts', 'src/sync/tus-photo-upload.ts', 'src/pwa/**', 'src/i18n/**', 'src/components/kpi/chart.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          onlyIn('dexie', 'src/db'),
          onlyIn('dexie-react-hooks', 'src/db'),
          onlyIn('zustand', 'src/state'),
          onlyIn('html5-qrcode', 'src/scan/qr-camera.ts'),
          onlyIn('workbox-window', 'src/pwa'),
          onlyIn('i18next', 'src/i18n'),
          onlyIn('uplot', 'src/components/kpi/chart.tsx'),
          onlyIn('tus-js-client', 'src/sync/tus-photo-upload.ts'),
        ],
        patterns: [
          { group: ['barcode-detector', 'barcode-detector/*', 'zxing-wasm', 'zxing-wasm/*'], message: 'Only src/scan/qr-decoder.ts knows the QR decoder.' },
        ],
      }],
    },
  },
  // src/domain is pure TypeScript: no React, Dexie, DOM libraries, no app layers.
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-*', 'dexie', 'dexie-*', 'zustand', 'i18next', 'html5-qrcode', 'workbox-*', 'express'], message: 'src/domain is pure TypeScript.' },
          { group: ['../db/*', '../state/*', '../pages/*', '../hooks/*', '../components/*', '../sync/*', '../i18n/*'], message: 'src/domain depends on nothing in the app.' },
        ],
      }],
    },
  },
);
