import { useState } from 'react';
import { takeTicket } from '../actions';
import { local, t } from '../i18n';
import { useKiosk } from '../store';

function useService(code: string) {
  return useKiosk((s) => s.catalog?.services.find((service) => service.code === code) ?? null);
}

/** The one-form checklist, then the ticket: normal, green channel, or an appointment. */
export function MaterialsScreen({ serviceCode }: { serviceCode: string }) {
  const lang = useKiosk((s) => s.lang);
  const issuing = useKiosk((s) => s.issuing);
  const service = useService(serviceCode);
  const [ticked, setTicked] = useState<number[]>([]);
  const { go } = useKiosk.getState();
  if (!service) return null;
  const toggle = (i: number) =>
    setTicked((list) => (list.includes(i) ? list.filter((x) => x !== i) : [...list, i]));
  return (
    <section aria-labelledby="materials-title" className="materials">
      <div className="title-row">
        <button
          type="button"
          className="btn ghost"
          onClick={() => go({ name: 'services', category: service.category })}
        >
          ← {t(lang, 'back')}
        </button>
        <h1 id="materials-title">{local(lang, service.name)}</h1>
      </div>
      <h2>{t(lang, 'materialsTitle')}</h2>
      {service.materials.length === 0 ? (
        <p className="hint">{t(lang, 'materialsNone')}</p>
      ) : (
        <ul className="checklist">
          {service.materials.map((material, i) => (
            <li key={i}>
              <button
                type="button"
                role="checkbox"
                aria-checked={ticked.includes(i)}
                className="check"
                onClick={() => toggle(i)}
              >
                <span className="box" aria-hidden="true">
                  {ticked.includes(i) ? '✓' : ''}
                </span>
                {local(lang, material)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {service.materials.length > 0 && (
        <p className="hint">
          {t(lang, 'materialsProgress', { n: ticked.length, total: service.materials.length })}
        </p>
      )}
      <div className="take-row">
        <button
          type="button"
          className="btn primary take"
          disabled={issuing}
          aria-busy={issuing}
          onClick={() => takeTicket(service.code, { priority: 'normal' })}
        >
          {issuing ? t(lang, 'issuing') : t(lang, 'takeTicket')}
        </button>
        <button
          type="button"
          className="btn secondary"
          disabled={issuing}
          onClick={() => go({ name: 'green', service: service.code })}
        >
          {t(lang, 'greenChannel')}
        </button>
        {service.appointments && (
          <button
            type="button"
            className="btn secondary"
            disabled={issuing}
            onClick={() => takeTicket(service.code, { priority: 'appointment' })}
          >
            {t(lang, 'appointment')}
          </button>
        )}
      </div>
    </section>
  );
}

export function GreenScreen({ serviceCode }: { serviceCode: string }) {
  const lang = useKiosk((s) => s.lang);
  const issuing = useKiosk((s) => s.issuing);
  const service = useService(serviceCode);
  const reasons = useKiosk((s) => s.catalog?.priority.greenChannelReasons ?? []);
  const { go } = useKiosk.getState();
  if (!service) return null;
  return (
    <section aria-labelledby="green-title">
      <div className="title-row">
        <button
          type="button"
          className="btn ghost"
          onClick={() => go({ name: 'materials', service: service.code })}
        >
          ← {t(lang, 'back')}
        </button>
        <h1 id="green-title">
          {t(lang, 'greenChannel')} · {local(lang, service.name)}
        </h1>
      </div>
      <p className="hint">{t(lang, 'chooseGreenReason')}</p>
      <div className="tiles">
        {reasons.map((reason) => (
          <button
            key={reason.code}
            type="button"
            className="tile green"
            disabled={issuing}
            onClick={() => takeTicket(service.code, { priority: 'green', reason: reason.code })}
          >
            {local(lang, reason.name)}
          </button>
        ))}
      </div>
    </section>
  );
}
