import type { LocalizedText } from '@yizhan/shared';
import { hallTime } from '../hall-clock';
import { useServerNow } from '../hooks';
import { pick, second, TEXT, type TextKey } from '../i18n';
import { useDisplay } from '../store';

/** A text in the screen's language; bilingual screens add the English line in smaller type. */
export function T({ k, text }: { k?: TextKey; text?: LocalizedText }) {
  const lang = useDisplay((s) => s.lang);
  const value = text ?? (k ? TEXT[k] : { zh: '', en: '' });
  const en = second(value, lang);
  return (
    <>
      {pick(value, lang)}
      {en ? <span className="en">{en}</span> : null}
    </>
  );
}

export function useText() {
  const lang = useDisplay((s) => s.lang);
  return (k: TextKey) => pick(TEXT[k], lang);
}

/** Shown after five seconds without the server (HallFeed's stale status). */
export function StaleBanner() {
  const status = useDisplay((s) => s.status);
  if (status !== 'stale') return null;
  return (
    <div className="stale" role="alert" data-testid="stale">
      <T k="stale" />
    </div>
  );
}

export function HallClock({ withDate = true }: { withDate?: boolean }) {
  const now = useServerNow();
  const timezone = useDisplay((s) => s.catalog?.timezone ?? 'Asia/Shanghai');
  const time = hallTime(now, timezone);
  return (
    <div className="clock" data-testid="clock">
      <span className="clock-time">{time.hms}</span>
      {withDate ? <span className="clock-date">{time.date}</span> : null}
    </div>
  );
}

export function HallName() {
  const name = useDisplay((s) => s.catalog?.hallName);
  return name ? <T text={name} /> : null;
}
