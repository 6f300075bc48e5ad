import type { Lang } from './i18n';

/** 07:32 under an hour, 1:07:32 above; negative values as zero. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function formatClock(at: number, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}

export function formatDate(at: number, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}

/** Amber from 80 % of the step's limit, red past it. */
export function limitLevel(elapsedMs: number, limitMs: number): 'ok' | 'amber' | 'red' {
  if (limitMs <= 0) return 'ok';
  if (elapsedMs > limitMs) return 'red';
  if (elapsedMs >= 0.8 * limitMs) return 'amber';
  return 'ok';
}
