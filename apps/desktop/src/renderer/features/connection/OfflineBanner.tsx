// Across the whole console while the relay is not answering: what viewers see, and what happens to takes now.
import { formatElapsed } from '../../lib/format.js';
import { useNow } from '../../lib/use-now.js';
import { pendingCount } from '../commands/command-queue.js';
import { useCommands } from '../commands/commands-store.js';
import { useConnection } from './connection-store.js';

/** True while the console shows itself offline (not before the first connect, not once signed out). */
export function useOffline(): boolean {
  return useConnection((s) => s.display === 'offline' && s.ended === null);
}

export function OfflineBanner() {
  const offline = useOffline();
  if (!offline) return null;
  return <OfflineNotice />;
}

function OfflineNotice() {
  const since = useConnection((s) => s.facts.since);
  const waiting = useCommands((s) => pendingCount(s.queue));
  const now = useNow();
  return (
    <div className="offline-banner" role="alert" data-testid="offline-banner">
      <strong>Offline: the relay is not answering</strong>
      <span className="offline-for">for {formatElapsed(since, Math.max(now, since))}</span>
      <span>
        Viewers still see what was on air when the link dropped. Takes and clears wait here, in order, and go out the
        moment it is back{waiting > 0 ? `: ${waiting} waiting` : ''}.
      </span>
    </div>
  );
}
