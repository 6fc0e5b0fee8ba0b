import { useEffect, useState } from 'react';
import { hubNow } from '../../../stores/clock.js';

/** Hub time, refreshed on every whole second (for forecasts and "ends at"). */
export function useHubSecond(): number {
  const [now, setNow] = useState(() => hubNow());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const t = hubNow();
      setNow(t);
      timer = setTimeout(tick, 1000 - (t % 1000) + 5);
    };
    timer = setTimeout(tick, 1000 - (hubNow() % 1000) + 5);
    return () => clearTimeout(timer);
  }, []);
  return now;
}
