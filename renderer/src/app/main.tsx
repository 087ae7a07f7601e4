import '../platform/csp-safe';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n, initialLanguage } from '../i18n';
import { createAppStore } from '../store/create-store';
import { getHost } from '../platform/host';
import { AppProvider } from '../app-context';
import { App } from './App';
import { appCommands } from './commands';
import type { CommandContext } from '../commands/types';
// The toolbar's icons: the codicon font, bundled (served from 'self', which the CSP's font-src allows).
import '@vscode/codicons/dist/codicon.css';
import '../styles/app.css';

const language = initialLanguage();
const i18n = createI18n(language);
const store = createAppStore({ t: i18n.t.bind(i18n), language });
const ctx: CommandContext = {
  store,
  commands: appCommands,
  host: getHost(),
  t: i18n.t.bind(i18n),
  i18n,
  editor: { current: null },
};

createRoot(document.getElementById('root')!).render(
  <I18nextProvider i18n={i18n}>
    <AppProvider value={ctx}>
      <App />
    </AppProvider>
  </I18nextProvider>,
);
