import type { LocalizedText } from '@yizhan/shared';
import { useEffect, useState } from 'react';
import { translate, type TextKey } from './i18n';
import { serverNow, useCounterStore } from './store';

export function useT(): (key: TextKey) => string {
  const lang = useCounterStore((s) => s.lang);
  return (key) => translate(lang, key);
}

export function useLocal(): (text: LocalizedText | null | undefined) => string {
  const lang = useCounterStore((s) => s.lang);
  return (text) => (text ? (lang === 'en' ? text.en : text.zh) : '');
}

/** Server time, ticking once a second so limits and waits move on screen. */
export function useServerNow(): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  useCounterStore((s) => s.offsetMs);
  useCounterStore((s) => s.rev);
  return serverNow();
}
