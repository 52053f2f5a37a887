// Serves the built PWA from the same origin as the API (no CORS, one URL to pair a tablet with).
// Caching is what keeps offline updates safe: hashed files under /assets/ never change, so they
// are cached forever; everything else (above all sw.js, which decides when the app updates, and
// index.html, which names the current assets) is revalidated on every load.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type Request, type Response } from 'express';
import { HttpError } from './errors';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

function cacheControlFor(urlPath: string): string {
  return urlPath.startsWith('/assets/') ? IMMUTABLE : REVALIDATE;
}

/**
 * A navigation to an app route (/job/123) rather than a request for a file: browsers send
 * Accept: text/html for navigations; scripts, images and fetch() calls do not. `*\/*` is not enough,
 * so that a missing script gets a 404 instead of HTML it would try to execute.
 */
function isAppNavigation(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (req.path.startsWith('/api/') || req.path === '/api' || req.path.startsWith('/assets/')) return false;
  if (req.path === '/') return true;
  const lastSegment = req.path.slice(req.path.lastIndexOf('/') + 1);
  if (lastSegment.includes('.')) return false;
  return /\btext\/html\b/.test(req.get('accept') ?? '');
}

export function staticApp(appDir: string): Router {
  const router = Router();
  const indexHtml = join(appDir, 'index.html');

  router.use(
    express.static(appDir, {
      index: false, // '/' goes through the fallback below, with the same headers as any app route
      cacheControl: false, // set by us, per file
      fallthrough: true,
      setHeaders: (res, _filePath) => {
        res.setHeader('Cache-Control', cacheControlFor(res.req.path));
      },
    }),
  );

  router.use((req: Request, res: Response, next) => {
    if (!isAppNavigation(req)) return next();
    // Checked per request so that building the app while the server runs needs no restart.
    if (!existsSync(indexHtml)) {
      throw new HttpError(503, 'unavailable', 'The app is not built: run npm run build.');
    }
    res.setHeader('Cache-Control', REVALIDATE);
    res.sendFile(indexHtml, { cacheControl: false }, (err) => {
      if (err) next(err);
    });
  });

  return router;
}
