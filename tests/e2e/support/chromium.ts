import { chromium, type BrowserContext } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags this machine needs: no sandbox as root, no GPU, and no calls home on a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const VIEWPORTS = {
  ipadPortrait: { width: 1024, height: 1366 },
  ipadLandscape: { width: 1180, height: 820 },
  androidTablet: { width: 1280, height: 800 },
  ipadProLandscape: { width: 1366, height: 1024 },
  desktop: { width: 1440, height: 900 },
} as const;

export interface Browser {
  context: BrowserContext;
  /** Content Security Policy violations any page of this browser reported (see security.e2e.ts). */
  cspViolations: string[];
  close(): Promise<void>;
}

/** Every journey also checks that the app runs under the server's strict CSP: violations are collected. */
async function collectCspViolations(context: BrowserContext, into: string[]): Promise<void> {
  await context.exposeBinding('__loupeCspViolation', (_source, text: string) => void into.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { __loupeCspViolation?: (t: string) => Promise<void> }).__loupeCspViolation?.(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
}

/**
 * A fresh Chromium profile (its own IndexedDB, service workers and caches), like a tablet
 * opening Loupe for the first time. The profile folder goes to launchPersistentContext, not to
 * --user-data-dir.
 */
export async function launchTablet(options: { viewport?: { width: number; height: number }; extraArgs?: string[]; locale?: string } = {}): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'loupe-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
    viewport: options.viewport ?? VIEWPORTS.ipadLandscape,
    deviceScaleFactor: 1,
    hasTouch: true,
    locale: options.locale ?? 'en-GB',
    serviceWorkers: 'allow',
  });
  const cspViolations: string[] = [];
  await collectCspViolations(context, cspViolations);
  return {
    context,
    cspViolations,
    async close() {
      if (cspViolations.length > 0) console.error(`Content Security Policy violations:\n${[...new Set(cspViolations)].join('\n')}`);
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
