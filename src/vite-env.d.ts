/// <reference types="vite/client" />

/** Set by vite.config.ts at build time; differs for every build. */
declare const __LOUPE_BUILD_ID__: string;
