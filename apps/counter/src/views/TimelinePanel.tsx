import type { TimelineEntry } from '@yizhan/shared';
import { formatClock } from '../format';
import { useT } from '../hooks';
import type { TextKey } from '../i18n';
import { useCounterStore } from '../store';

/** Where the current case has been: issued, called, steps, transfers. */
export function TimelinePanel({ serviceNumber }: { serviceNumber: string | null }) {
  const t = useT();
  const lang = useCounterStore((s) => s.lang);
  const hall = useCounterStore((s) => s.hall);
  useCounterStore((s) => s.rev);
  const kase = serviceNumber ? hall?.cases.get(serviceNumber) : undefined;
  return (
    <div className="panel" data-testid="timeline-panel">
      <h2>{t('timeline')}</h2>
      <ol className="timeline">
        {kase?.timeline.map((entry, i) => (
          <li key={i}>
            <span className="timeline-at">{formatClock(entry.at, lang)}</span>{' '}
            {t(`tl_${entry.kind}` as TextKey)}
            {detail(entry)}
          </li>
        ))}
      </ol>
    </div>
  );
}

function detail(entry: TimelineEntry): string {
  switch (entry.kind) {
    case 'called':
    case 'serving':
    case 'step-completed':
      return ` · #${entry.counter}`;
    case 'transferred':
      return ` · #${entry.counter} → ${entry.toCounter !== null ? `#${entry.toCounter}` : entry.toSkill}`;
    case 'forwarded':
      return ` · ${entry.department} ${entry.dueDate}`;
    case 'progress':
      return ` · ${entry.note}`;
    default:
      return '';
  }
}
