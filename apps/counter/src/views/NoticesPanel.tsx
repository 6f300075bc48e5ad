import type { LocalizedText } from '@yizhan/shared';
import { useState } from 'react';
import { useT } from '../hooks';
import { useCounterStore } from '../store';

/**
 * The supervisor sets the wall's scrolling notices during the day. They are
 * saved to the hall configuration (a new version) and every wall shows them
 * at once; the rest of the configuration is untouched.
 */
export function NoticesPanel() {
  const t = useT();
  const token = useCounterStore((s) => s.token);
  const saved = useCounterStore((s) => s.config?.config.hall.notices ?? []);
  const [notices, setNotices] = useState<LocalizedText[]>(() => saved.map((n) => ({ ...n })));
  const [outcome, setOutcome] = useState<'saved' | 'failed' | null>(null);

  const edit = (index: number, field: keyof LocalizedText, value: string) => {
    setOutcome(null);
    setNotices((list) => list.map((n, i) => (i === index ? { ...n, [field]: value } : n)));
  };
  const publish = async () => {
    const response = await fetch('/api/notices', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? ''}` },
      body: JSON.stringify({ notices }),
    });
    setOutcome(response.ok ? 'saved' : 'failed');
  };

  return (
    <div className="panel notices-panel" data-testid="notices-panel">
      <h2>{t('notices')}</h2>
      {notices.map((notice, i) => (
        <div key={i} className="notice-row">
          <input
            aria-label={`${t('noticeZh')} ${i + 1}`}
            placeholder={t('noticeZh')}
            value={notice.zh}
            onChange={(e) => edit(i, 'zh', e.target.value)}
          />
          <input
            aria-label={`${t('noticeEn')} ${i + 1}`}
            placeholder={t('noticeEn')}
            value={notice.en}
            onChange={(e) => edit(i, 'en', e.target.value)}
          />
          <button
            className="btn btn-small"
            onClick={() => setNotices((list) => list.filter((_, j) => j !== i))}
          >
            {t('removeNotice')}
          </button>
        </div>
      ))}
      <div className="notice-actions">
        {notices.length < 10 && (
          <button
            className="btn btn-small"
            onClick={() => setNotices((list) => [...list, { zh: '', en: '' }])}
          >
            {t('addNotice')}
          </button>
        )}
        <button
          className="btn btn-primary btn-small"
          data-testid="notices-publish"
          onClick={() => void publish()}
        >
          {t('saveNotices')}
        </button>
      </div>
      {outcome && (
        <p className={outcome === 'saved' ? 'ok-text' : 'error-text'} role="status">
          {outcome === 'saved' ? t('noticesSaved') : t('noticesFailed')}
        </p>
      )}
    </div>
  );
}
