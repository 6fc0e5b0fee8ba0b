import { useEffect, useState } from 'react';

export const ROUTES = [
  '',
  'panel',
  'programme',
  'run',
  'room',
  'wall',
  'questions',
  'materials',
  'votes',
  'statement',
  'roomcheck',
  'people',
  'selection',
  'seating',
  'backups',
  'start',
  'projector',
  'table',
  'checkin',
  'view',
  'speaker',
  'ballot',
  'join',
] as const;
export type Route = (typeof ROUTES)[number];

/** `#/room` -> 'room'; anything unknown (or `#code=…`) is the home route ''. */
export function parseRoute(hash: string): Route {
  const match = /^#\/([a-z]*)/.exec(hash);
  const name = match?.[1] ?? '';
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : '';
}

export function href(route: Route): string {
  return `#/${route}`;
}

export function navigate(route: Route): void {
  if (parseRoute(window.location.hash) !== route || window.location.hash === '') window.location.hash = href(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
