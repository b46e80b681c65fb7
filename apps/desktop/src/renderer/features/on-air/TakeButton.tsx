// "Take" while the relay answers; "Queue" (amber) while it does not, so no one thinks a take went on air.
import { useOffline } from '../connection/OfflineBanner.js';

export function TakeButton({ onClick, label, small = false }: { onClick: () => void; label: string; small?: boolean }) {
  const offline = useOffline();
  return (
    <button
      type="button"
      className={`btn btn-take${offline ? ' btn-take-queued' : ''}${small ? ' btn-sm' : ''}`}
      onClick={onClick}
      aria-label={offline ? `Queue a take of ${label} (the relay is offline)` : `Take ${label}`}
      title={offline ? 'The relay is offline: this take waits in the queue and goes out when it is back' : undefined}
    >
      {offline ? 'Queue' : 'Take'}
    </button>
  );
}
