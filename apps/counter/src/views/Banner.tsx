import { ERROR_TEXT } from '@yizhan/shared';
import { useT } from '../hooks';
import { useCounterStore } from '../store';

/** A lost connection, and the last refusal in words that say what to do. */
export function Banner() {
  const t = useT();
  const feed = useCounterStore((s) => s.feed);
  const error = useCounterStore((s) => s.error);
  const lang = useCounterStore((s) => s.lang);
  const notice = useCounterStore((s) => s.notice);
  return (
    <>
      {feed !== 'live' && (
        <div className="banner banner-lost" role="alert" data-testid="connection-banner">
          {feed === 'connecting' ? t('connecting') : t('connectionLost')}
        </div>
      )}
      {error && (
        <div className="banner banner-error" role="alert" data-testid="error-banner">
          {ERROR_TEXT[error][lang]}
          <button className="banner-close" onClick={() => useCounterStore.setState({ error: null })}>
            ✕
          </button>
        </div>
      )}
      {notice && (
        <div className="banner banner-info" role="status" data-testid="notice-banner">
          {t(notice)}
          <button className="banner-close" onClick={() => useCounterStore.setState({ notice: null })}>
            ✕
          </button>
        </div>
      )}
    </>
  );
}
