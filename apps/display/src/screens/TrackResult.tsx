import type { CaseTracking } from '@yizhan/shared';
import { formatServiceNumber } from '@yizhan/shared';
import { hallTime } from '../hall-clock';
import { RESULT_TEXT, STAGE_TEXT, TIMELINE_TEXT } from '../i18n';
import { useDisplay } from '../store';
import { T } from './common';

/** Stage, where, due date, overdue flag and timeline of one case. */
export function TrackResult({ tracking }: { tracking: CaseTracking }) {
  const timezone = useDisplay((s) => s.catalog?.timezone ?? 'Asia/Shanghai');
  const departments = useDisplay((s) => s.catalog?.departments ?? []);
  const stage = STAGE_TEXT[tracking.stage] ?? { zh: tracking.stage, en: tracking.stage };
  const deptName = (code: string) => departments.find((d) => d.code === code)?.name ?? { zh: code, en: code };
  const where = tracking.where;
  return (
    <div className="track-result" data-testid="track-result" data-stage={tracking.stage}>
      <div className="track-sn">{safeFormat(tracking.serviceNumber)}</div>
      {tracking.serviceName ? (
        <div className="track-service">
          <T text={tracking.serviceName} />
        </div>
      ) : null}
      <dl className="track-facts">
        <dt>
          <T k="stage" />
        </dt>
        <dd data-testid="track-stage">
          <T text={stage} />
        </dd>
        {where ? (
          <>
            <dt>
              <T k="where" />
            </dt>
            <dd data-testid="track-where">
              {'counter' in where ? (
                <>
                  {where.counter} <T k="counter" />
                </>
              ) : (
                <T text={where.name ?? deptName(where.department)} />
              )}
            </dd>
          </>
        ) : null}
        {tracking.dueAt !== null ? (
          <>
            <dt>
              <T k="dueDate" />
            </dt>
            <dd data-testid="track-due">
              {hallTime(tracking.dueAt, timezone).date}{' '}
              <span
                className={tracking.overdue ? 'flag flag-overdue' : 'flag flag-ok'}
                data-testid="track-overdue"
              >
                <T k={tracking.overdue ? 'overdue' : 'onTime'} />
              </span>
            </dd>
          </>
        ) : null}
        {tracking.result ? (
          <>
            <dt>
              <T k="result" />
            </dt>
            <dd>
              <T text={RESULT_TEXT[tracking.result] ?? { zh: tracking.result, en: tracking.result }} />
            </dd>
          </>
        ) : null}
      </dl>
      <h3>
        <T k="timeline" />
      </h3>
      <ol className="timeline" data-testid="track-timeline">
        {tracking.timeline.map((entry, i) => (
          <li key={i} data-kind={entry.kind}>
            <time>{whenOf(entry.at, tracking.timeline[0]?.at ?? entry.at, timezone)}</time>
            <span>
              <T text={TIMELINE_TEXT[entry.kind] ?? { zh: entry.kind, en: entry.kind }} />
              {'counter' in entry ? ` · ${entry.counter}` : ''}
              {'department' in entry ? (
                <>
                  {' · '}
                  <T text={deptName(entry.department)} />
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** HH:MM on the day the ticket was taken; MM-DD HH:MM on later days. */
function whenOf(at: number, first: number, timezone: string): string {
  const time = hallTime(at, timezone);
  return time.date === hallTime(first, timezone).date ? time.hhmm : `${time.date.slice(5)} ${time.hhmm}`;
}

function safeFormat(serviceNumber: string): string {
  try {
    return formatServiceNumber(serviceNumber);
  } catch {
    return serviceNumber;
  }
}
