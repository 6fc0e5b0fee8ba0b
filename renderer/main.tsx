import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// First, so that each view's own stylesheet (imported through App) comes later in the cascade and
// its rules win over the shared ones of equal specificity.
import './styles.css';
import { App } from './App.js';
import { setupI18n } from './i18n/index.js';

void setupI18n().then(() => {
  const root = document.getElementById('root');
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  }
});
