import { useEffect, useState } from 'react';

/**
 * The current time, read again every `everyMs`: what "today" and "already passed" are
 * measured against while a page stays open (it rolls over at midnight by itself).
 */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
