import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { LocaleProvider } from './i18n/LocaleProvider';
import { t } from './i18n/t';
import './styles/app.css';
import './styles/document.css';
import './styles/editor.css';
import './styles/wizard.css';
import './styles/archive.css';

document.title = t.appName;
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <LocaleProvider>
        <App />
      </LocaleProvider>
    </StrictMode>,
  );
}
