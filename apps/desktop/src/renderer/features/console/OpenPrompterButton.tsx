// Opens the host prompter with a host token of its own (never the producer's): a desktop window through the
// bridge, or a new browser tab.
import { useState } from 'react';
import type { TokenResponse } from '@cuecart/shared';
import { api } from '../../lib/relay.js';
import { useSession } from './session-store.js';

export function prompterUrl(relay: string, showId: string, token: string): string {
  return `${relay}/prompter/${encodeURIComponent(showId)}#token=${encodeURIComponent(token)}`;
}

/** A host token for the show, minted by the relay for this producer. */
export async function hostToken(relay: string, producerToken: string, showId: string): Promise<{ ok: true; token: string } | { ok: false; message: string }> {
  const minted = await api<TokenResponse>(relay, producerToken, `/api/shows/${encodeURIComponent(showId)}/tokens`, { method: 'POST', body: { role: 'host' } });
  return minted.ok ? { ok: true, token: minted.value.token } : { ok: false, message: minted.error.message };
}

export function OpenPrompterButton() {
  const showId = useSession((s) => s.showId);
  const [error, setError] = useState<string | null>(null);
  const open = async () => {
    const { relay, token } = useSession.getState();
    if (!showId) return;
    setError(null);
    if (window.cuecartDesktop) return void window.cuecartDesktop.openPrompter(showId).catch((e: unknown) => setError(String(e)));
    // Opened now, while the click still counts as the user's, and pointed at the prompter once the token is here.
    const tab = window.open('', '_blank');
    if (tab) tab.opener = null;
    const minted = await hostToken(relay, token, showId);
    if (!minted.ok) {
      tab?.close();
      return setError(`Could not open the prompter: ${minted.message}`);
    }
    if (tab) tab.location.href = prompterUrl(relay, showId, minted.token);
    else setError('The browser blocked the prompter tab: allow pop-ups for this page and try again.');
  };
  return (
    <>
      <button type="button" className="btn" data-testid="open-prompter" disabled={!showId} onClick={() => void open()}>
        Open prompter ↗
      </button>
      {error && (
        <span className="prompter-error" role="alert" data-testid="prompter-error">
          {error}
        </span>
      )}
    </>
  );
}
