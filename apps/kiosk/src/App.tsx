import { useEffect } from 'react';
import { t } from './i18n';
import { IDLE_MS } from './settings';
import { useKiosk } from './store';
import { Header } from './screens/Header';
import { HomeScreen } from './screens/HomeScreen';
import { LookupScreen } from './screens/LookupScreen';
import { GreenScreen, MaterialsScreen } from './screens/MaterialsScreen';
import { RefusedScreen } from './screens/RefusedScreen';
import { SearchScreen, ServicesScreen } from './screens/ServicesScreen';
import { TicketScreen } from './screens/TicketScreen';

export function App() {
  const screen = useKiosk((s) => s.screen);
  const lang = useKiosk((s) => s.lang);
  const catalog = useKiosk((s) => s.catalog);
  useIdleReturn();
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  return (
    <div className="kiosk" onPointerDown={() => useKiosk.getState().touch(Date.now())}>
      <Header />
      <main className="screen">
        {!catalog ? (
          <p className="loading">{t(lang, 'loading')}</p>
        ) : screen.name === 'home' ? (
          <HomeScreen />
        ) : screen.name === 'services' ? (
          <ServicesScreen category={screen.category} />
        ) : screen.name === 'search' ? (
          <SearchScreen />
        ) : screen.name === 'materials' ? (
          <MaterialsScreen serviceCode={screen.service} />
        ) : screen.name === 'green' ? (
          <GreenScreen serviceCode={screen.service} />
        ) : screen.name === 'ticket' ? (
          <TicketScreen />
        ) : screen.name === 'refused' ? (
          <RefusedScreen error={screen.error} />
        ) : (
          <LookupScreen />
        )}
      </main>
      <OfflineNotice />
    </div>
  );
}

/** While the server cannot be reached nothing can be issued: say so, and who can help. */
function OfflineNotice() {
  const connected = useKiosk((s) => s.connected);
  const lang = useKiosk((s) => s.lang);
  if (connected !== false) return null;
  return (
    <div
      className="offline"
      role="alertdialog"
      aria-labelledby="offline-title"
      aria-describedby="offline-body"
    >
      <h2 id="offline-title">
        请联系工作人员
        <br />
        <span className="en">Please ask a member of staff</span>
      </h2>
      <p id="offline-body">{t(lang, 'offlineBody')}</p>
    </div>
  );
}

/** Any screen but the start goes back to it after IDLE_MS without a touch. */
function useIdleReturn(): void {
  const onHome = useKiosk((s) => s.screen.name === 'home' && s.lang === 'zh');
  useEffect(() => {
    if (onHome) return;
    const timer = setInterval(() => {
      const state = useKiosk.getState();
      if (!state.issuing && Date.now() - state.lastActivity >= IDLE_MS) state.reset();
    }, 250);
    return () => clearInterval(timer);
  }, [onHome]);
}
