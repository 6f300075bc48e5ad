import { useState, type FormEvent } from 'react';
import { login } from '../connection';
import { useT } from '../hooks';
import { useCounterStore } from '../store';

export function LoginScreen() {
  const t = useT();
  const expired = useCounterStore((s) => s.expired);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [failed, setFailed] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailed(!(await login(username, password)));
  };
  return (
    <main className="login">
      <form className="login-card" onSubmit={(e) => void submit(e)}>
        <h1>{t('appTitle')}</h1>
        {expired && <p className="notice-warn">{t('sessionExpired')}</p>}
        {failed && (
          <p className="notice-error" role="alert">
            {t('loginFailed')}
          </p>
        )}
        <label>
          {t('username')}
          <input name="username" value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />
        </label>
        <label>
          {t('password')}
          <input
            name="password"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button className="btn btn-primary" type="submit">
          {t('login')}
        </button>
      </form>
    </main>
  );
}
