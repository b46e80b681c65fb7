// Opens the host prompter: a desktop window through the bridge, or a new browser tab.
import { useSession } from './session-store.js';

export function prompterUrl(relay: string, showId: string, token: string): string {
  return `${relay}/prompter/${encodeURIComponent(showId)}#token=${encodeURIComponent(token)}`;
}

export function OpenPrompterButton() {
  const showId = useSession((s) => s.showId);
  const open = () => {
    const { relay, token } = useSession.getState();
    if (!showId) return;
    if (window.cuecartDesktop) void window.cuecartDesktop.openPrompter(showId);
    else window.open(prompterUrl(relay, showId, token), '_blank', 'noopener');
  };
  return (
    <button type="button" className="btn" data-testid="open-prompter" disabled={!showId} onClick={open}>
      Open prompter ↗
    </button>
  );
}
