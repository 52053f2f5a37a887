// Node-environment tests get a real IndexedDB implementation (fake-indexeddb), so Dexie code
// runs unmodified.
import 'fake-indexeddb/auto';
