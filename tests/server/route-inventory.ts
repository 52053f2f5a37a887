// Every endpoint the server actually mounts, read from Express's own router stack (not from a
// list someone keeps by hand): the identity table and the fuzzing compare their rows with it, so
// a route added later without its rows fails them.
import type express from 'express';

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
  /** What the layer was mounted with (router 2.x keeps it as given). */
  rawPath?: string | string[];
}

const join = (prefix: string, path: string) => (path === '/' ? prefix : `${prefix}${path}`);

function walk(stack: readonly Layer[], prefix: string, out: Set<string>): void {
  for (const layer of stack) {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      for (const method of Object.keys(layer.route.methods)) {
        for (const path of paths) out.add(`${method === '_all' ? 'ALL' : method.toUpperCase()} ${join(prefix, path)}`);
      }
    } else if (layer.handle.stack) {
      const mount = Array.isArray(layer.rawPath) ? layer.rawPath[0]! : (layer.rawPath ?? '/');
      walk(layer.handle.stack, join(prefix, mount), out);
    }
  }
}

/** "METHOD /api/path" for every API route of the app, e.g. "GET /api/photos/*sha256". */
export function mountedApiRoutes(app: express.Express): string[] {
  const router = (app as unknown as { router: { stack: Layer[] } }).router;
  const out = new Set<string>();
  walk(router.stack, '', out);
  return [...out].filter((route) => route.split(' ')[1]!.startsWith('/api')).sort();
}
