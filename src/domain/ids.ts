// Record ids are created on the device, offline, so they must be unique without asking anyone.
// UUIDv7 puts a millisecond timestamp first: ids created in sequence sort in creation order,
// which keeps IndexedDB and SQL indexes append-mostly. That order is only a storage convenience:
// the order of changes comes from the server, never from device clocks (PRODUCT.md, hard parts).
//
// This is the only module that imports 'uuid', so the library can be swapped in one place.
import { v7, validate, version } from 'uuid';

/** A new record id: a lower-case UUIDv7 string. */
export function newId(): string {
  return v7();
}

/**
 * True when `value` is a Loupe id: a UUIDv7 in canonical lower-case form.
 *
 * Lower case only because ids are compared as plain strings everywhere (IndexedDB keys, SQL
 * primary keys): an upper-case copy of an existing id would otherwise become a second record.
 */
export function isUuid(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    validate(value) &&
    value === value.toLowerCase() &&
    version(value) === 7
  );
}
