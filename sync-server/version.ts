// The server version is package.json's, embedded at build time: esbuild inlines this JSON import
// (only the `version` field survives tree-shaking), so dist-server/main.js does not depend on the
// working directory it is started from.
import { version } from '../package.json';

export const SERVER_VERSION: string = version;
