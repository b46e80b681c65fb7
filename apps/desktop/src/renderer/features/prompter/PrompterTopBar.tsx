// The strip above the rundown: show status and clocks, connection, the show's title, mirror toggle.
import { useShallow } from 'zustand/react/shallow';
import { showClockStart, showClockText, STATUS_LABEL, wallTimeText } from './time-text.js';
import { usePrompterStore, type Connection } from './prompter-store.js';
import { useNow } from '../../lib/use-now.js';

const CONNECTION_LABEL: Record<Connection, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  refused: 'Not connected',
};

export function PrompterTopBar() {
  const title = usePrompterStore((s) => s.show?.title ?? '');
  return (
    <>
      <header className="prompter-bar">
        <ShowStatus />
        <PrompterClock />
        <div className="prompter-bar__title" title={title}>
          {title}
        </div>
        <MirrorToggle />
      </header>
      <RefusedReason />
    </>
  );
}

/** Why the relay refused, on a line of its own under the bar: the clocks keep their room whatever it says. */
function RefusedReason() {
  const { refused, message } = usePrompterStore(useShallow((s) => ({ refused: s.connection === 'refused' && s.ended === null, message: s.connectionMessage })));
  if (!refused || !message) return null;
  return (
    <p className="prompter-refused" role="alert" data-testid="prompter-refused">
      {message}
    </p>
  );
}

function ShowStatus() {
  const { status, connection, message, ended } = usePrompterStore(
    useShallow((s) => ({ status: s.overlay?.status ?? null, connection: s.connection, message: s.connectionMessage, ended: s.ended !== null })),
  );
  return (
    <div className="prompter-status" data-testid="prompter-status" data-show-status={status ?? 'unknown'} data-connection={connection}>
      <span className={`status-pill status-pill--${status ?? 'unknown'}`}>{status ? STATUS_LABEL[status] : '…'}</span>
      {connection !== 'connected' && (
        <span className={`conn conn--${connection}`} role="status" title={message ?? undefined}>
          {ended ? 'Signed out' : CONNECTION_LABEL[connection]}
        </span>
      )}
    </div>
  );
}

function PrompterClock() {
  const now = useNow();
  const { streamEpochMs, liveSeenAt, endedAt } = usePrompterStore(
    useShallow((s) => ({ streamEpochMs: s.show?.streamEpochMs, liveSeenAt: s.times.liveSeenAt, endedAt: s.times.endedAt })),
  );
  const start = showClockStart(streamEpochMs, liveSeenAt);
  return (
    <div className="prompter-clock" data-testid="prompter-clock">
      <span className="prompter-clock__show" aria-label="show clock">
        <span className="prompter-clock__label">Show</span> {showClockText(start, now, endedAt)}
      </span>
      <span className="prompter-clock__wall" aria-label="time of day">
        {wallTimeText(now)}
      </span>
    </div>
  );
}

function MirrorToggle() {
  const mirror = usePrompterStore((s) => s.mirror);
  const toggleMirror = usePrompterStore((s) => s.toggleMirror);
  return (
    <button type="button" className="mirror-toggle" data-testid="mirror-toggle" aria-pressed={mirror} onClick={toggleMirror} title="Mirror for beam-splitter glass (M)">
      Mirror <kbd>M</kbd>
    </button>
  );
}
