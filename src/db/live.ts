// The one place dexie-react-hooks is used: a React hook that re-runs a database query whenever
// the tables it read change (in this tab or another) and re-renders with the new result.
import { useLiveQuery } from 'dexie-react-hooks';

export function useLive<T>(query: () => Promise<T> | T, deps: readonly unknown[], initial: T): T {
  return useLiveQuery(query, [...deps], initial) as T;
}
