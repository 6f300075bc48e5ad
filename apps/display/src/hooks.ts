import { useEffect, useState } from 'react';
import { useDisplay } from './store';

/** Server time, refreshed every `everyMs` (the hall clock, never the PC's). */
export function useServerNow(everyMs = 1000): number {
  const offset = useDisplay((s) => s.serverOffset);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now + offset;
}
