// Every command the producer fired, until the relay answered: queued while offline, re-sent with its id.
import { formatClockTime } from '../../lib/format.js';
import { useOffline } from '../connection/OfflineBanner.js';
import { useCommands } from './commands-store.js';
import { pendingCount, type QueueEntry } from './command-queue.js';

const STATE_TEXT: Record<QueueEntry['state'], string> = {
  queued: 'waiting',
  sending: 'sending',
  done: 'applied',
  rejected: 'rejected',
  cancelled: 'cancelled',
};

export function CommandQueue() {
  const q = useCommands((s) => s.queue);
  const cancel = useCommands((s) => s.cancel);
  const pending = pendingCount(q);
  const offline = useOffline();
  const shown = [...q.entries].reverse().slice(0, 12);
  return (
    <section className={`panel command-queue${pending ? ' has-pending' : ''}`} data-testid="command-queue" aria-label="Commands">
      <header className="panel-head">
        <h2>Commands</h2>
        {pending > 0 ? (
          <span className="pill pill-warn" data-testid="queue-summary">{pending} waiting for the relay</span>
        ) : (
          <span className="muted" data-testid="queue-summary">{offline ? 'offline: what you fire now waits here' : 'all delivered'}</span>
        )}
      </header>
      <ol className="queue-list">
        {shown.length === 0 && <li className="empty">Commands you fire show here until the relay confirms them.</li>}
        {shown.map((e) => (
          <li key={e.id} className={`queued-command q-${e.state}`} data-testid="queued-command" data-command-id={e.id} data-state={e.state}>
            <span className="q-state">{STATE_TEXT[e.state]}</span>
            <span className="q-label">{e.label}</span>
            <span className="muted q-time">
              {formatClockTime(e.createdAt)}
              {e.attempts > 1 ? ` · ${e.attempts} tries` : ''}
              {e.seq !== undefined ? ` · #${e.seq}` : ''}
            </span>
            {e.error && <span className="error-text q-error">{e.error}</span>}
            {e.state === 'queued' && (
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => cancel(e.id)} aria-label={`Cancel ${e.label}`}>
                Cancel
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
