import { useEffect, useState } from 'react';
import { calendarDateAt } from '../../../shared/contract-rules';

const MINUTE = 60_000;

/** The coach's local calendar date, updated when midnight passes while the screen is open. */
export function useToday(): string {
  const [today, setToday] = useState(() => calendarDateAt(Date.now()));
  useEffect(() => {
    const timer = setInterval(() => setToday(calendarDateAt(Date.now())), MINUTE);
    return () => clearInterval(timer);
  }, []);
  return today;
}
