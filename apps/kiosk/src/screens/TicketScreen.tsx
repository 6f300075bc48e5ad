import { formatServiceNumber } from '@yizhan/shared';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { reprint } from '../actions';
import { local, t, type Lang } from '../i18n';
import { IDLE_MS } from '../settings';
import { useKiosk, type PrintState } from '../store';

/** The public tracking page on this hall server (the wall display app serves it). */
export function trackUrl(origin: string, ticketId: string, serviceNumber: string, code: string): string {
  const query = new URLSearchParams({ t: ticketId, sn: serviceNumber, c: code });
  return `${origin}/display/ticket?${query.toString()}`;
}

export function TicketScreen() {
  const lang = useKiosk((s) => s.lang);
  const ticket = useKiosk((s) => s.ticket);
  const service = useKiosk((s) => s.catalog?.services.find((x) => x.code === s.ticket?.serviceCode) ?? null);
  const url = ticket
    ? trackUrl(window.location.origin, ticket.ticketId, ticket.serviceNumber, ticket.verificationCode)
    : '';
  const [qr, setQr] = useState<{ url: string; image: string } | null>(null);
  useEffect(() => {
    if (!url) return;
    let live = true;
    void QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 360 }).then((image) => {
      if (live) setQr({ url, image });
    });
    return () => {
      live = false;
    };
  }, [url]);
  if (!ticket) return null;
  const waitMinutes = Math.round(ticket.estimatedWaitMs / 60_000);
  return (
    <section className="ticket" aria-labelledby="ticket-number-label">
      <div className="ticket-main">
        <p id="ticket-number-label" className="label">
          {t(lang, 'yourNumber')}
        </p>
        <p className="call-number" data-testid="call-number" aria-live="assertive">
          {ticket.callNumber}
        </p>
        {ticket.priority !== 'normal' && (
          <p className="badge">{t(lang, ticket.priority === 'green' ? 'stepGreen' : 'stepAppointment')}</p>
        )}
        <p className="service-name">{local(lang, service?.name)}</p>
        <dl className="facts">
          <div>
            <dt>{t(lang, 'peopleAhead')}</dt>
            <dd data-testid="people-ahead">
              {ticket.peopleAhead} {t(lang, 'people')}
            </dd>
          </div>
          <div>
            <dt>{t(lang, 'estimatedWait')}</dt>
            <dd>{waitMinutes < 1 ? t(lang, 'lessThanMinute') : `${waitMinutes} ${t(lang, 'minutes')}`}</dd>
          </div>
          <div className="wide">
            <dt>{t(lang, 'serviceNumber')}</dt>
            <dd className="mono" data-testid="service-number">
              {formatServiceNumber(ticket.serviceNumber)}
            </dd>
          </div>
          <div>
            <dt>{t(lang, 'verificationCode')}</dt>
            <dd className="mono" data-testid="verification-code">
              {ticket.verificationCode}
            </dd>
          </div>
          {service && (
            <div>
              <dt>{t(lang, 'promised')}</dt>
              <dd>{t(lang, 'workingDays', { n: service.promisedWorkingDays })}</dd>
            </div>
          )}
        </dl>
        <p className="hint">{t(lang, 'ticketChannel')}</p>
      </div>
      <aside className="ticket-side">
        {qr?.url === url && <img className="qr" src={qr.image} alt={t(lang, 'scanToTrack')} data-url={url} />}
        <p className="label">{t(lang, 'scanToTrack')}</p>
        <PrintStatus lang={lang} />
        <button type="button" className="btn primary" onClick={() => useKiosk.getState().reset()}>
          {t(lang, 'done')}
        </button>
        <IdleCountdown lang={lang} />
      </aside>
    </section>
  );
}

const PRINT_TEXT: Record<PrintState, 'printing' | 'printed' | 'printFailed' | 'noPrinter' | null> = {
  printing: 'printing',
  ok: 'printed',
  failed: 'printFailed',
  none: 'noPrinter',
  unknown: null,
};

function PrintStatus({ lang }: { lang: Lang }) {
  const print = useKiosk((s) => s.print);
  const key = PRINT_TEXT[print];
  return (
    <div className={`print print-${print}`} role="status" data-print={print}>
      {key && <p>{t(lang, key)}</p>}
      {(print === 'failed' || print === 'unknown') && (
        <button type="button" className="btn secondary" onClick={reprint}>
          {t(lang, 'reprint')}
        </button>
      )}
    </div>
  );
}

function IdleCountdown({ lang }: { lang: Lang }) {
  const lastActivity = useKiosk((s) => s.lastActivity);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((IDLE_MS - (now - lastActivity)) / 1000));
  return <p className="countdown">{t(lang, 'idleBack', { s: seconds })}</p>;
}
