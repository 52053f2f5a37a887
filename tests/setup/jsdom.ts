import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { Blob as NodeBlob, File as NodeFile } from 'node:buffer';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// fake-indexeddb cannot structured-clone jsdom's Blob; Node's Blob/File it can.
globalThis.Blob = NodeBlob as unknown as typeof Blob;
globalThis.File = NodeFile as unknown as typeof File;

// findBy…/waitFor give up after 5 s instead of 1 s: on two busy cores a screen backed by
// fake-indexeddb (a KPI period, a lookup among seeded jobs) can take more than a second to settle.
// A test still fails when what it waits for never comes.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => cleanup());
