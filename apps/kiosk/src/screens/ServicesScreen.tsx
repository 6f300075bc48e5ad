import { useState } from 'react';
import { searchServices, type CatalogService } from '../catalog';
import { local, t } from '../i18n';
import { useKiosk } from '../store';

function ServiceTiles({ services }: { services: CatalogService[] }) {
  const lang = useKiosk((s) => s.lang);
  const { go } = useKiosk.getState();
  return (
    <div className="tiles services">
      {services.map((service) => (
        <button
          key={service.code}
          type="button"
          className="tile service"
          onClick={() => go({ name: 'materials', service: service.code })}
        >
          <span className="tile-title">{local(lang, service.name)}</span>
          {service.route.length > 1 && (
            <span className="tile-sub" aria-hidden="true">
              {service.route.map((step) => local(lang, step.name)).join(' → ')}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}

export function ServicesScreen({ category }: { category: string }) {
  const lang = useKiosk((s) => s.lang);
  const catalog = useKiosk((s) => s.catalog);
  const { reset } = useKiosk.getState();
  if (!catalog) return null;
  const name = catalog.categories.find((c) => c.code === category)?.name;
  return (
    <section aria-labelledby="services-title">
      <div className="title-row">
        <button type="button" className="btn ghost" onClick={reset}>
          ← {t(lang, 'back')}
        </button>
        <h1 id="services-title">
          {local(lang, name)} · {t(lang, 'chooseService')}
        </h1>
      </div>
      <ServiceTiles services={catalog.services.filter((s) => s.category === category)} />
    </section>
  );
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('');

/** Pinyin initials on an on-screen keypad: no keyboard needed. */
export function SearchScreen() {
  const lang = useKiosk((s) => s.lang);
  const catalog = useKiosk((s) => s.catalog);
  const [query, setQuery] = useState('');
  const { reset } = useKiosk.getState();
  if (!catalog) return null;
  const found = searchServices(catalog, query);
  return (
    <section aria-labelledby="search-title" className="search">
      <div className="title-row">
        <button type="button" className="btn ghost" onClick={reset}>
          ← {t(lang, 'back')}
        </button>
        <h1 id="search-title">{t(lang, 'search')}</h1>
      </div>
      <p className="hint">{t(lang, 'searchHint')}</p>
      <div className="search-box">
        <output className="query" aria-live="polite" aria-label={t(lang, 'search')}>
          {query.toUpperCase() || '…'}
        </output>
        <button type="button" className="btn ghost" onClick={() => setQuery((q) => q.slice(0, -1))}>
          {t(lang, 'backspace')}
        </button>
        <button type="button" className="btn ghost" onClick={() => setQuery('')}>
          {t(lang, 'clear')}
        </button>
      </div>
      <div className="keypad letters">
        {LETTERS.map((letter) => (
          <button
            key={letter}
            type="button"
            className="key"
            onClick={() => setQuery((q) => (q + letter).slice(0, 12))}
          >
            {letter.toUpperCase()}
          </button>
        ))}
      </div>
      {query && found.length === 0 ? (
        <p className="hint">{t(lang, 'searchEmpty')}</p>
      ) : (
        <ServiceTiles services={found} />
      )}
    </section>
  );
}
