import { parseServiceNumber } from '@yizhan/shared';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { format, pick, TEXT } from '../i18n';
import { useDisplay } from '../store';
import { trackCase, type TrackOutcome } from '../track-api';
import { HallName, T } from './common';
import { TrackResult } from './TrackResult';

/** 办件进度查询: service number + verification code → the case's stage and timeline. */
export function TrackPage() {
  return (
    <div className="phone">
      <header className="phone-head">
        <div className="phone-hall">
          <HallName />
        </div>
        <h1>
          <T k="track" />
        </h1>
      </header>
      <TrackForm />
      <nav className="phone-links">
        <a href={`${import.meta.env.BASE_URL}board`}>
          <T k="boardLink" />
        </a>
      </nav>
    </div>
  );
}

/** `refresh`: a new value looks the case up again (the ticket page passes its latest call). */
export function TrackForm({
  initial,
  refresh = '',
}: {
  initial?: { serviceNumber: string; code: string; auto: boolean };
  refresh?: string;
}) {
  const [serviceNumber, setServiceNumber] = useState(initial?.serviceNumber ?? '');
  const [code, setCode] = useState(initial?.code ?? '');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcomeOnly] = useState<TrackOutcome | null>(null);
  // Counts answers, so a repeated identical answer is still seen as new (and tests can wait for it).
  const [answers, setAnswers] = useState(0);
  const setOutcome = (next: TrackOutcome) => {
    setOutcomeOnly(next);
    setAnswers((n) => n + 1);
  };

  const lookUp = async () => {
    const parsed = parseServiceNumber(serviceNumber);
    // Caught here, without spending one of the visitor's look-ups.
    if (!parsed.ok && parsed.error === 'service-number-check-digit') return setOutcome({ kind: 'typo' });
    setBusy(true);
    setOutcome(await trackCase(serviceNumber, code));
    setBusy(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void lookUp();
  };
  // Opened from a ticket's QR code: look the case up without a tap, and again when it is called.
  const lookedUpFor = useRef<string | null>(null);
  useEffect(() => {
    if (!initial?.auto || lookedUpFor.current === refresh) return;
    lookedUpFor.current = refresh;
    void trackCase(initial.serviceNumber, initial.code).then((next) => {
      setOutcomeOnly(next);
      setAnswers((n) => n + 1);
    });
  }, [initial, refresh]);

  return (
    <section className="track" data-testid="track" data-answers={answers}>
      <form onSubmit={submit} className="track-form" data-testid="track-form">
        <label>
          <T k="serviceNumber" />
          <input
            name="serviceNumber"
            inputMode="numeric"
            autoComplete="off"
            value={serviceNumber}
            onChange={(e) => setServiceNumber(e.target.value)}
            required
          />
        </label>
        <label>
          <T k="code" />
          <input
            name="code"
            inputMode="numeric"
            autoComplete="off"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            required
          />
        </label>
        <button type="submit" disabled={busy}>
          <T k={busy ? 'searching' : 'search'} />
        </button>
      </form>
      {outcome ? <Outcome outcome={outcome} /> : null}
    </section>
  );
}

function Outcome({ outcome }: { outcome: TrackOutcome }) {
  const lang = useDisplay((s) => s.lang);
  switch (outcome.kind) {
    case 'found':
      return <TrackResult tracking={outcome.tracking} />;
    case 'typo':
      return <Message kind="typo" text={<T k="typo" />} />;
    case 'not-found':
      return <Message kind="not-found" text={<T k="notFound" />} />;
    case 'offline':
      return <Message kind="offline" text={<T k="offline" />} />;
    case 'rate-limited': {
      const s = outcome.retryAfterSeconds;
      const text = { zh: format(TEXT.rateLimited.zh, { s }), en: format(TEXT.rateLimited.en, { s }) };
      return <Message kind="rate-limited" text={lang === 'zh' ? pick(text, lang) : <T text={text} />} />;
    }
  }
}

function Message({ kind, text }: { kind: string; text: ReactNode }) {
  return (
    <p className="track-message" role="alert" data-testid="track-message" data-kind={kind}>
      {text}
    </p>
  );
}
