import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { call } from './api/client';
import { initI18n, initialLanguage } from './i18n/index';
import { setCalendarChoice } from './i18n/calendar';
import { App } from './shell/App';
import { RefusedPlanner } from './file/RefusedPlanner';
import './styles.css';

async function boot() {
  let saved = null;
  // A planner refused as damaged: the window shows why and its backups instead of the app.
  const refusal = await call('file.refusal', {}).catch(() => null);
  try {
    const settings = await call('settings.get', {});
    saved = settings.language;
    setCalendarChoice(settings.calendar);
  } catch {
    // The app still starts; the error shows once the first real call fails.
  }
  await initI18n(initialLanguage(saved));
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html lacks #root');
  createRoot(root).render(<StrictMode>{refusal ? <RefusedPlanner refusal={refusal} /> : <App />}</StrictMode>);
}

void boot();
