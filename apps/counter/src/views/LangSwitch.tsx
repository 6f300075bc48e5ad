import { useT } from '../hooks';
import { useCounterStore } from '../store';

export function LangSwitch() {
  const t = useT();
  return (
    <button
      className="btn btn-small"
      onClick={() => useCounterStore.setState((s) => ({ lang: s.lang === 'zh' ? 'en' : 'zh' }))}
    >
      {t('language')}
    </button>
  );
}
