// The link light (debounced) and the other producers on this show.
import { useConnection } from './connection-store.js';

const LABEL = { online: 'Online', offline: 'Offline', connecting: 'Connecting…' } as const;

export function ConnectionStatus() {
  const display = useConnection((s) => s.display);
  const error = useConnection((s) => s.lastError);
  const ended = useConnection((s) => s.ended !== null);
  if (ended) {
    return (
      <span className="link-status link-offline" data-testid="connection-status" data-state="ended" title={error ?? undefined} role="status">
        <span className="link-dot" aria-hidden="true" />
        Signed out
      </span>
    );
  }
  return (
    <span className={`link-status link-${display}`} data-testid="connection-status" data-state={display} title={display !== 'online' && error ? error : undefined} role="status">
      <span className="link-dot" aria-hidden="true" />
      {LABEL[display]}
    </span>
  );
}

export function PresenceList() {
  const presence = useConnection((s) => s.presence);
  const selfId = useConnection((s) => s.selfId);
  const producers = presence?.producers ?? [];
  const others = producers.filter((p) => p.id !== selfId);
  return (
    <span className="presence" data-testid="presence" title={producers.map((p) => p.name + (p.id === selfId ? ' (you)' : '')).join(', ')}>
      <span className="presence-count">{producers.length || 1}</span>
      <span className="muted">{producers.length <= 1 ? 'producer' : 'producers'}</span>
      {others.slice(0, 3).map((p) => (
        <span key={p.id} className="presence-name">
          {p.name}
        </span>
      ))}
      {others.length > 3 && <span className="muted">+{others.length - 3}</span>}
    </span>
  );
}
