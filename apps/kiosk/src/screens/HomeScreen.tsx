import { local, t } from '../i18n';
import { useKiosk } from '../store';

export function HomeScreen() {
  const lang = useKiosk((s) => s.lang);
  const catalog = useKiosk((s) => s.catalog);
  const { go } = useKiosk.getState();
  if (!catalog) return null;
  return (
    <section className="home" aria-labelledby="home-title">
      <h1 id="home-title">{t(lang, 'chooseCategory')}</h1>
      <div className="tiles categories">
        {catalog.categories.map((category) => (
          <button
            key={category.code}
            type="button"
            className="tile"
            onClick={() => go({ name: 'services', category: category.code })}
          >
            {local(lang, category.name)}
          </button>
        ))}
      </div>
      <div className="home-actions">
        <button type="button" className="btn secondary" onClick={() => go({ name: 'search' })}>
          {t(lang, 'search')}
        </button>
        <button type="button" className="btn secondary" onClick={() => go({ name: 'lookup' })}>
          {t(lang, 'lookup')}
        </button>
      </div>
      {catalog.hall.notices[0] && <p className="notice">{local(lang, catalog.hall.notices[0])}</p>}
    </section>
  );
}
