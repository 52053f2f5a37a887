// "Where is the piece?" read from its custody events, which are append-only: the latest event
// says where it is. A piece sent out stays "at vendor" until an event brings it back.
import type { CustodyAction, LocationKind } from './vocabulary';

export interface CustodyEventLike {
  readonly id: string;
  readonly personId: string;
  readonly action: CustodyAction;
  readonly location: { readonly kind: LocationKind; readonly label?: string | undefined };
  readonly at: string;
  readonly expectedReturn?: string | undefined;
}

export type Whereabouts =
  /** No custody event yet. */
  | { readonly kind: 'unknown' }
  | {
      readonly kind: 'at_vendor';
      readonly vendor: string;
      readonly since: string;
      readonly expectedReturn?: string;
      /** The expected return date has passed. */
      readonly overdue: boolean;
      readonly personId: string;
    }
  | { readonly kind: 'released'; readonly since: string; readonly personId: string }
  | {
      readonly kind: 'in_house';
      readonly location: { readonly kind: LocationKind; readonly label?: string };
      readonly since: string;
      readonly personId: string;
      readonly action: CustodyAction;
    };

/** Events in the order they happened: by time, then by id (UUIDv7 ids sort by creation). */
export function custodyOrder(events: readonly CustodyEventLike[]): CustodyEventLike[] {
  return [...events].sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : a.at.localeCompare(b.at)));
}

/** Where the piece is now. `today` (an ISO date) decides whether a vendor is late. */
export function whereIs(events: readonly CustodyEventLike[], today: string): Whereabouts {
  const latest = custodyOrder(events).at(-1);
  if (!latest) return { kind: 'unknown' };
  if (latest.action === 'release') return { kind: 'released', since: latest.at, personId: latest.personId };
  if (latest.action === 'send_out') {
    const base = { kind: 'at_vendor' as const, vendor: latest.location.label?.trim() || '', since: latest.at, personId: latest.personId };
    return latest.expectedReturn
      ? { ...base, expectedReturn: latest.expectedReturn, overdue: latest.expectedReturn < today }
      : { ...base, overdue: false };
  }
  const location = latest.location.label !== undefined ? { kind: latest.location.kind, label: latest.location.label } : { kind: latest.location.kind };
  return { kind: 'in_house', location, since: latest.at, personId: latest.personId, action: latest.action };
}

/** Is the piece out of the house at a vendor now? */
export function isAtVendor(events: readonly CustodyEventLike[]): boolean {
  return custodyOrder(events).at(-1)?.action === 'send_out';
}
