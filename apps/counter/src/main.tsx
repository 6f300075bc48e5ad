import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { resumeSession } from './connection';
import { configuredCounter, subscribeInputs } from './hardware';
import { useCounterStore } from './store';
import './styles.css';

subscribeInputs();
void configuredCounter().then((counter) => {
  useCounterStore.setState({ counter });
  return resumeSession();
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
