/** The display's client-side routes under /display/. */
export type Route =
  | { screen: 'wall' }
  | { screen: 'counter'; counter: number }
  | { screen: 'board' }
  | { screen: 'ticket'; ticketId: string; serviceNumber: string; code: string }
  | { screen: 'track' };

export function routeOf(pathname: string, search: string, base = '/display/'): Route {
  const path = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '');
  const parts = path.split('/').filter(Boolean);
  const query = new URLSearchParams(search);
  switch (parts[0]) {
    case 'counter': {
      const n = Number(parts[1]);
      return Number.isInteger(n) && n >= 1 && n <= 99
        ? { screen: 'counter', counter: n }
        : { screen: 'wall' };
    }
    case 'board':
      return { screen: 'board' };
    case 'ticket':
      return {
        screen: 'ticket',
        ticketId: query.get('t') ?? '',
        serviceNumber: query.get('sn') ?? '',
        code: query.get('c') ?? '',
      };
    case 'track':
      return { screen: 'track' };
    default:
      return { screen: 'wall' };
  }
}
