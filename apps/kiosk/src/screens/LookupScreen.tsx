import { formatServiceNumber, type CaseTracking } from '@yizhan/shared';
import { useState } from 'react';
import { lookupCase, UNREACHABLE } from '../actions';
import { errorText, local, t, type Lang, type TextKey } from '../i18n';
import { useKiosk } from '../store';

type Field = 'number' | 'code';
const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

/** Service number and verification code on a digit keypad, then where the case stands. */
export function LookupScreen() {
  const lang = useKiosk((s) => s.lang);
  const busy = useKiosk((s) => s.lookupBusy);
  const result = useKiosk((s) => s.lookupResult);
  const error = useKiosk((s) => s.lookupError);
  const [field, setField] = useState<Field>('number');
  const [number, setNumber] = useState('');
  const [code, setCode] = useState('');
  const { reset } = useKiosk.getState();

  const type = (digit: string) => {
    if (field === 'number') {
      const next = (number + digit).slice(0, 18);
      setNumber(next);
      if (next.length === 18) setField('code');
    } else setCode((c) => (c + digit).slice(0, 6));
  };
  const erase = () =>
    field === 'number' ? setNumber((n) => n.slice(0, -1)) : setCode((c) => c.slice(0, -1));

  return (
    <section className="lookup" aria-labelledby="lookup-title">
      <div className="title-row">
        <button type="button" className="btn ghost" onClick={reset}>
          ← {t(lang, 'back')}
        </button>
        <h1 id="lookup-title">{t(lang, 'lookupTitle')}</h1>
      </div>
      <div className="lookup-body">
        <div className="lookup-form">
          <button
            type="button"
            className={`field ${field === 'number' ? 'active' : ''}`}
            aria-pressed={field === 'number'}
            onClick={() => setField('number')}
            data-testid="lookup-number"
          >
            <span className="label">{t(lang, 'lookupNumber')}</span>
            <span className="mono value">
              {number.replace(/(\d{6})(\d{6})?(\d{5})?(\d)?/, '$1 $2 $3 $4').trim() || '—'}
            </span>
          </button>
          <button
            type="button"
            className={`field ${field === 'code' ? 'active' : ''}`}
            aria-pressed={field === 'code'}
            onClick={() => setField('code')}
            data-testid="lookup-code"
          >
            <span className="label">{t(lang, 'lookupCode')}</span>
            <span className="mono value">{code || '—'}</span>
          </button>
          <div className="keypad digits">
            {DIGITS.map((d) => (
              <button key={d} type="button" className="key" onClick={() => type(d)}>
                {d}
              </button>
            ))}
            <button type="button" className="key wide" onClick={erase}>
              {t(lang, 'backspace')}
            </button>
          </div>
          <button
            type="button"
            className="btn primary"
            disabled={busy || number.length !== 18 || code.length !== 6}
            onClick={() => lookupCase(number, code)}
          >
            {t(lang, 'lookupSubmit')}
          </button>
        </div>
        <div className="lookup-result" aria-live="polite">
          {error && (
            <p className="error" role="alert">
              {error === UNREACHABLE ? t(lang, 'offlineTitle') : errorText(lang, error)}
            </p>
          )}
          {result && <CaseView lang={lang} tracking={result} />}
        </div>
      </div>
    </section>
  );
}

function CaseView({ lang, tracking }: { lang: Lang; tracking: CaseTracking }) {
  const where = tracking.where;
  return (
    <div className="case" data-testid="case-result">
      <p className="mono">{formatServiceNumber(tracking.serviceNumber)}</p>
      <h2>{local(lang, tracking.serviceName)}</h2>
      <dl className="facts">
        <div>
          <dt>{t(lang, 'lookupStage')}</dt>
          <dd>{t(lang, `stage.${tracking.stage}` as TextKey)}</dd>
        </div>
        {where && (
          <div>
            <dt>{t(lang, 'lookupWhere')}</dt>
            <dd>
              {'counter' in where
                ? t(lang, 'counter', { n: where.counter })
                : local(lang, where.name) || where.department}
            </dd>
          </div>
        )}
        {tracking.dueAt !== null && (
          <div>
            <dt>{t(lang, 'lookupDue')}</dt>
            <dd>
              {new Date(tracking.dueAt).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB')}
              {tracking.overdue && <strong className="overdue"> {t(lang, 'overdue')}</strong>}
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}
