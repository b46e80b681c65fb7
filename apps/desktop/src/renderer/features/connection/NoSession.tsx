// A page opened without a usable token: what is missing, in readable type, and a field to paste the token into.
import { useState } from 'react';
import './no-session.css';

export function NoSession({ message, page }: { message: string; page: 'console' | 'prompter' | 'store' | 'report' }) {
  const [token, setToken] = useState('');
  const who = page === 'store' ? 'the admin token' : page === 'prompter' ? 'a host token' : 'a producer token';
  const open = () => {
    const value = token.trim();
    if (!value) return;
    // The page reads the token from the fragment (never sent to a server) and then drops it from the address bar.
    window.location.hash = `token=${encodeURIComponent(value)}`;
    window.location.reload();
  };
  return (
    <main className="no-session" data-testid="no-session">
      <div className="no-session__card">
        <p className="no-session__brand">CUECART</p>
        <h1>This page needs a token</h1>
        <p className="no-session__message" data-testid="no-session-message">
          {message}
        </p>
        <form onSubmit={(e) => (e.preventDefault(), open())}>
          <label htmlFor="no-session-token">Paste {who}</label>
          <div className="no-session__row">
            <input id="no-session-token" data-testid="no-session-token" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" spellCheck={false} placeholder="eyJhbGciOi…" />
            <button type="submit" disabled={!token.trim()}>
              Open
            </button>
          </div>
        </form>
        <p className="no-session__hint">Running the demo? “npm start” prints a ready console link. Otherwise the show admin mints a token with POST /api/shows/:id/tokens.</p>
      </div>
    </main>
  );
}
