// "Something changed up to seq N": how a push reaches every open /api/sync/events stream.
// One instance (SQLite) needs nothing more than an in-process event; several instances behind a
// load balancer (PostgreSQL) pass the poke through the database (postgres-notifier.ts), so a
// device connected to instance B hears about a push that landed on instance A.
import { EventEmitter } from 'node:events';

export interface Notifier {
  /** Tells every subscriber, on every instance, that changes up to `seq` are committed. Never throws. */
  notify(seq: number): void;
  /** Calls `listener` on every poke; returns the unsubscribe function. */
  subscribe(listener: (seq: number) => void): () => void;
  /** Stops listening (closes the LISTEN connection on PostgreSQL). Safe to call twice. */
  close(): Promise<void>;
}

/** A fan-out helper both notifiers use: an EventEmitter without a listener limit. */
export function createPokeEmitter(): { emit(seq: number): void; subscribe: Notifier['subscribe'] } {
  const emitter = new EventEmitter();
  // One listener per instance's stream hub, plus tests: no leak warning wanted.
  emitter.setMaxListeners(0);
  return {
    emit: (seq) => void emitter.emit('poke', seq),
    subscribe(listener) {
      emitter.on('poke', listener);
      return () => void emitter.off('poke', listener);
    },
  };
}

/** For the single-instance (SQLite) server. */
export function createLocalNotifier(): Notifier {
  const pokes = createPokeEmitter();
  return {
    notify: (seq) => pokes.emit(seq),
    subscribe: pokes.subscribe,
    close: async () => {},
  };
}
