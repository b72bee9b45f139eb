import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { call } from './api/client';
import { initI18n, initialLanguage } from './i18n/index';
import { App } from './shell/App';
import './styles.css';

async function boot() {
  let saved = null;
  try {
    saved = (await call('settings.get', {})).language;
  } catch {
    // The app still starts; the error shows once the first real call fails.
  }
  await initI18n(initialLanguage(saved));
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html lacks #root');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void boot();
