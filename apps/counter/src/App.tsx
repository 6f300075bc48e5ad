import { useCounterStore } from './store';
import { Banner } from './views/Banner';
import { CounterPicker } from './views/CounterPicker';
import { DepartmentDesk } from './views/DepartmentDesk';
import { LoginScreen } from './views/LoginScreen';
import { SupervisorView } from './views/SupervisorView';
import { Workstation } from './views/Workstation';

/** One app, three screens, chosen by who signed in. */
export function App() {
  const user = useCounterStore((s) => s.user);
  const token = useCounterStore((s) => s.token);
  const counter = useCounterStore((s) => s.counter);
  const hall = useCounterStore((s) => s.hall);
  const mine = useCounterStore((s) =>
    counter !== null && s.user ? s.hall?.counters.get(counter)?.clerk?.id === s.user.id : false,
  );
  if (!token || !user) return <LoginScreen />;
  if (user.role === 'officer') return <DepartmentDesk />;
  if (user.role === 'supervisor' || user.role === 'admin') return <SupervisorView />;
  return (
    <>
      <Banner />
      {hall && counter !== null && mine ? <Workstation counter={counter} /> : <CounterPicker />}
    </>
  );
}
