import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadCatalog } from './catalog';
import { startFeed } from './feed';
import { routeOf, type Route } from './routes';
import { CounterScreen } from './screens/CounterScreen';
import { PublicBoard } from './screens/PublicBoard';
import { TicketPage } from './screens/TicketPage';
import { TrackPage } from './screens/TrackPage';
import { WallBoard } from './screens/WallBoard';
import { useDisplay } from './store';
import './styles/base.css';
import './styles/wall.css';
import './styles/counter.css';
import './styles/phone.css';

const route = routeOf(location.pathname, location.search, import.meta.env.BASE_URL);
const query = new URLSearchParams(location.search);

// Subscribed once, before the first render, so no early event is missed.
// The tracking page needs no live feed.
if (route.screen !== 'track') {
  startFeed({
    deviceKey: query.get('key'),
    voice: route.screen === 'wall' && query.get('voice') !== '0',
  });
} else {
  void loadCatalog().then((catalog) => useDisplay.getState().setCatalog(catalog));
}
document.documentElement.dataset['screen'] = route.screen;
if (route.screen === 'wall' || route.screen === 'counter')
  document.documentElement.classList.add('kiosk-screen');

function Screen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'wall':
      return <WallBoard />;
    case 'counter':
      return <CounterScreen counter={route.counter} />;
    case 'board':
      return <PublicBoard />;
    case 'ticket':
      return <TicketPage ticketId={route.ticketId} serviceNumber={route.serviceNumber} code={route.code} />;
    case 'track':
      return <TrackPage />;
  }
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Screen route={route} />
    </StrictMode>,
  );
}
