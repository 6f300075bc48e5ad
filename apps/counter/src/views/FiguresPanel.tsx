import { useMemo } from 'react';
import { clerkFigures } from '../clerk-figures';
import { formatDuration } from '../format';
import { useT } from '../hooks';
import { useCounterStore } from '../store';

/** The clerk's own day: steps served, average time, the visitors' ratings. */
export function FiguresPanel() {
  const t = useT();
  const hall = useCounterStore((s) => s.hall);
  const user = useCounterStore((s) => s.user);
  const rev = useCounterStore((s) => s.rev);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const figures = useMemo(() => (hall && user ? clerkFigures(hall, user.id) : null), [hall, user, rev]);
  if (!figures) return null;
  const rated = figures.ratings[1] + figures.ratings[2] + figures.ratings[3] + figures.ratings[4];
  return (
    <div className="panel" data-testid="figures-panel">
      <h2>{t('myFigures')}</h2>
      <dl className="figures">
        <dt>{t('served')}</dt>
        <dd data-testid="figure-served">{figures.served}</dd>
        <dt>{t('avgService')}</dt>
        <dd>{figures.averageServiceMs === null ? '—' : formatDuration(figures.averageServiceMs)}</dd>
        <dt>{t('ratings')}</dt>
        <dd data-testid="figure-ratings">
          {rated === 0
            ? t('noRatings')
            : `${rated} · ${t('rate4')} ${figures.ratings[4]} / ${t('rate3')} ${figures.ratings[3]} / ${t('rate2')} ${figures.ratings[2]} / ${t('rate1')} ${figures.ratings[1]}`}
        </dd>
      </dl>
    </div>
  );
}
