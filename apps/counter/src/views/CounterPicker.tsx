import { logout, send } from '../connection';
import { LangSwitch } from './LangSwitch';
import { useLocal, useT } from '../hooks';
import { useCounterStore } from '../store';

/** A clerk without a configured counter picks one; a free one, or the one already theirs. */
export function CounterPicker() {
  const t = useT();
  const local = useLocal();
  const config = useCounterStore((s) => s.config);
  const hall = useCounterStore((s) => s.hall);
  useCounterStore((s) => s.rev);
  const user = useCounterStore((s) => s.user);
  if (!config || !hall) return null;
  const take = async (counter: number) => {
    const result = await send('clerk:login', { counter });
    if (result.ok) useCounterStore.setState({ counter });
  };
  return (
    <main className="picker">
      <div className="picker-head">
        <h1>{t('chooseCounter')}</h1>
        <span className="clerk-name">{user?.name}</span>
        <LangSwitch />
        <button className="btn" onClick={logout}>
          {t('logout')}
        </button>
      </div>
      <div className="picker-grid">
        {config.config.counters.map((c) => {
          const clerk = hall.counters.get(c.number)?.clerk;
          const taken = clerk !== null && clerk !== undefined && clerk.id !== user?.id;
          return (
            <button
              key={c.number}
              className="btn picker-btn"
              disabled={taken}
              data-testid={`pick-counter-${c.number}`}
              onClick={() => void take(c.number)}
            >
              <span className="picker-number">{c.number}</span>
              <span>{local(c.name)}</span>
              {taken && (
                <span className="picker-taken">
                  {t('counterTaken')}: {clerk.name}
                </span>
              )}
            </button>
          );
        })}
      </div>
    </main>
  );
}
