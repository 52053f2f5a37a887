import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { Blob as NodeBlob, File as NodeFile } from 'node:buffer';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

// fake-indexeddb cannot structured-clone jsdom's Blob; Node's Blob/File it can.
globalThis.Blob = NodeBlob as unknown as typeof Blob;
globalThis.File = NodeFile as unknown as typeof File;

afterEach(() => cleanup());
