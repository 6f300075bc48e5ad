import { local, t } from '../i18n';
import { useKiosk } from '../store';

export function Header() {
  const lang = useKiosk((s) => s.lang);
  const hallName = useKiosk((s) => s.catalog?.hall.name);
  const onHome = useKiosk((s) => s.screen.name === 'home');
  const { toggleLang, reset } = useKiosk.getState();
  return (
    <header className="header">
      <div className="hall">
        <span className="hall-name">{local(lang, hallName)}</span>
        <span className="app-title">{t(lang, 'appTitle')}</span>
      </div>
      <nav className="header-actions">
        {!onHome && (
          <button type="button" className="btn ghost" onClick={reset}>
            {t(lang, 'home')}
          </button>
        )}
        <button
          type="button"
          className="btn ghost lang"
          onClick={toggleLang}
          aria-label={t(lang, 'switchLangLabel')}
          lang={lang === 'zh' ? 'en' : 'zh-CN'}
        >
          {t(lang, 'switchLang')}
        </button>
      </nav>
    </header>
  );
}
