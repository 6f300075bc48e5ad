import { localDateOf, workingDaysBetween, type Case } from '@yizhan/shared';
import { useState } from 'react';
import { logout, send } from '../connection';
import { formatDate, formatDuration } from '../format';
import { useLocal, useServerNow, useT } from '../hooks';
import { useCounterStore } from '../store';
import { Banner } from './Banner';
import { LangSwitch } from './LangSwitch';

/** A department officer's forwarded cases: overdue first, then by due time. */
export function DepartmentDesk() {
  const t = useT();
  const local = useLocal();
  const config = useCounterStore((s) => s.config);
  const cases = useCounterStore((s) => s.departmentCases);
  const user = useCounterStore((s) => s.user);
  useCounterStore((s) => s.rev);
  const now = useServerNow();
  if (!config || !cases) return null;
  const department = config.config.departments.find((d) => d.code === user?.department);
  const open = [...cases.values()]
    .filter((c) => c.forwarding && (c.state === 'forwarded' || c.state === 'in-department'))
    .sort((a, b) => (a.forwarding?.dueAt ?? 0) - (b.forwarding?.dueAt ?? 0));
  const done = [...cases.values()].filter((c) => c.state === 'completed').slice(-5);
  return (
    <div className="desk">
      <header className="topbar">
        <div className="topbar-title">
          <span>{t('deskTitle')}</span>
          <span>{local(department?.name)}</span>
          <span className="clerk-name">{user?.name}</span>
        </div>
        <div className="topbar-actions">
          <LangSwitch />
          <button className="btn" onClick={logout}>
            {t('logout')}
          </button>
        </div>
      </header>
      <Banner />
      <h2 className="section-title">{t('forwardedCases')}</h2>
      {open.length === 0 && <p className="muted big desk-empty">{t('noCases')}</p>}
      <div className="desk-list">
        {open.map((c) => (
          <DeskCase key={c.serviceNumber} kase={c} now={now} />
        ))}
      </div>
      {done.length > 0 && (
        <>
          <h2 className="section-title">{t('recentlyCompleted')}</h2>
          <div className="desk-list">
            {done.map((c) => (
              <DeskCase key={c.serviceNumber} kase={c} now={now} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}

function DeskCase({ kase, now }: { kase: Case; now: number }) {
  const t = useT();
  const local = useLocal();
  const lang = useCounterStore((s) => s.lang);
  const config = useCounterStore((s) => s.config);
  const [note, setNote] = useState('');
  const [result, setResult] = useState<'approved' | 'rejected' | 'more-materials'>('approved');
  const forwarding = kase.forwarding;
  if (!config || !forwarding) return null;
  const overdue = kase.state !== 'completed' && now > forwarding.dueAt;
  const tz = config.config.hall.timezone;
  const daysLeft = workingDaysBetween(config.config.calendar, localDateOf(now, tz), forwarding.dueDate);
  const serviceNumber = kase.serviceNumber;
  const stateText =
    kase.state === 'forwarded'
      ? t('stateForwarded')
      : kase.state === 'in-department'
        ? t('stateInDepartment')
        : t('stateCompleted');
  return (
    <article
      className={`desk-case ${overdue ? 'desk-overdue' : ''} state-${kase.state}`}
      data-testid={`desk-case-${serviceNumber}`}
    >
      <div className="desk-case-head">
        <strong>{local(config.services.get(kase.serviceCode)?.name)}</strong>
        <span className="mono">{serviceNumber}</span>
        <span className="desk-state" data-testid="desk-state">
          {stateText}
        </span>
      </div>
      <div className="desk-due">
        {t('dueDate')}: {formatDate(forwarding.dueAt, lang)} ·{' '}
        {kase.state === 'completed' ? (
          <span data-testid="desk-result-text">
            {t('result')}:{' '}
            {kase.result === 'approved'
              ? t('approved')
              : kase.result === 'rejected'
                ? t('rejected')
                : t('moreMaterials')}
          </span>
        ) : overdue ? (
          <span className="overdue-text">
            {t('overdueBy')} {formatDuration(now - forwarding.dueAt)}
          </span>
        ) : (
          <span>
            {t('dueIn')} {daysLeft} {t('workingDays')}
          </span>
        )}
      </div>
      <ul className="desk-notes">
        {kase.timeline
          .filter((e) => e.kind === 'progress')
          .map((e, i) => (
            <li key={i}>{e.kind === 'progress' ? e.note : ''}</li>
          ))}
      </ul>
      {kase.state === 'forwarded' && (
        <button
          className="btn btn-primary"
          data-testid="desk-accept"
          onClick={() => void send('case:accept', { serviceNumber })}
        >
          {t('accept')}
        </button>
      )}
      {kase.state === 'in-department' && (
        <div className="desk-actions">
          <input
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('note')}
            data-testid="desk-note"
          />
          <button
            className="btn"
            disabled={note.trim() === ''}
            data-testid="desk-add-note"
            onClick={() =>
              void send('case:note-progress', { serviceNumber, note }).then((r) => r.ok && setNote(''))
            }
          >
            {t('addNote')}
          </button>
          <select
            value={result}
            onChange={(e) => setResult(e.target.value as typeof result)}
            data-testid="desk-result"
          >
            <option value="approved">{t('approved')}</option>
            <option value="rejected">{t('rejected')}</option>
            <option value="more-materials">{t('moreMaterials')}</option>
          </select>
          <button
            className="btn btn-primary"
            data-testid="desk-complete"
            onClick={() =>
              void send('case:complete', { serviceNumber, result, note: note.trim() === '' ? null : note })
            }
          >
            {t('completeCase')}
          </button>
        </div>
      )}
    </article>
  );
}
