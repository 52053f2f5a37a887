// The wire protocol between the app and sync-server: zod schemas plus the protocol version. Both
// sides import this module; every server route validates its input with it and the app validates
// what it receives. Bump PROTOCOL_VERSION on any change a peer on the old version would misread
// (the server answers 426 to an incompatible version).
//
// It is split by subject so each part reads in one sitting; always import from here:
//   constants.ts  plain values (version, header names, entity and device-kind lists), no zod
//   records.ts    errors, primitives and every synced record
//   sync.ts       health, push, pull, the poke event, photo bytes
//   security.ts   setup, pairing, people and PIN sessions, audit, the custody chain check
export * from './constants';
export * from './records';
export * from './sync';
export * from './security';
