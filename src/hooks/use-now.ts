import { useEffect, useState } from 'react';

/** The current time as an ISO string, refreshed every `everyMs` while `active`. */
export function useNow(active: boolean, everyMs = 1000): string {
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(new Date().toISOString()), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs]);
  return now;
}
