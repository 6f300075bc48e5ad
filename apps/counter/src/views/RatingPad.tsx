import { rate } from '../actions';
import { useT } from '../hooks';
import type { TextKey } from '../i18n';
import { useCounterStore } from '../store';

const SCORES: { score: 1 | 2 | 3 | 4; key: TextKey }[] = [
  { score: 4, key: 'rate4' },
  { score: 3, key: 'rate3' },
  { score: 2, key: 'rate2' },
  { score: 1, key: 'rate1' },
];

/** The on-screen rating pad (the visitor presses it when there is no hardware pad). */
export function RatingPad() {
  const t = useT();
  const thanked = useCounterStore((s) => s.ratingThanks);
  return (
    <div className="rating-pad" data-testid="rating-pad">
      <span className="rating-prompt">{thanked ? t('rated') : t('ratePrompt')}</span>
      {SCORES.map(({ score, key }) => (
        <button
          key={score}
          className={`btn rating rating-${score}`}
          data-testid={`rate-${score}`}
          onClick={() => void rate(score)}
        >
          {t(key)}
        </button>
      ))}
    </div>
  );
}
