// Renderer entry: /console is the producer console, /prompter/:show the host prompter, /console/store connects a store,
// /console/report/:show is a show's report.
import { createRoot } from 'react-dom/client';
import { ConsoleApp } from './features/console/ConsoleApp.js';
import { PrompterApp } from './features/prompter/PrompterApp.js';
import { ConnectStoreApp } from './features/store/ConnectStoreApp.js';
import { NoSession } from './features/connection/NoSession.js';
import { adoptToken, readSession } from './lib/session.js';

const root = createRoot(document.getElementById('root')!);
const storage = (() => {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
})();
const session = readSession(adoptToken(window.location, window.history, storage));
if (!session.ok) {
  root.render(<NoSession message={session.message} page={session.page} />);
} else if (session.page === 'prompter') {
  root.render(<PrompterApp session={session} />);
} else if (session.page === 'report') {
  // The report and its chart library load only on the report page.
  import('./features/report/ReportApp.js').then(
    ({ ReportApp }) => root.render(<ReportApp session={session} />),
    () => root.render(<p className="fatal">The report could not be loaded: check the connection to the relay and reload the page.</p>),
  );
} else if (session.page === 'store') {
  root.render(<ConnectStoreApp session={session} />);
} else {
  root.render(<ConsoleApp session={session} />);
}
