// The banner across the console once the relay ended its session: what happened and how to get back.
import { pendingCount } from '../commands/command-queue.js';
import { useCommands } from '../commands/commands-store.js';
import { useConnection } from './connection-store.js';
import { sessionEndHelp, sessionEndTitle } from './session-end.js';

export function SessionEnded() {
  const ended = useConnection((s) => s.ended);
  const unsent = useCommands((s) => pendingCount(s.queue));
  const notSent = useConnection((s) => s.notSent);
  if (!ended) return null;
  const consoleUrl = `${location.origin}${location.pathname}`;
  return (
    <div className="session-ended" role="alert" data-testid="session-ended" data-reason={ended.reason}>
      <strong>{sessionEndTitle(ended)}.</strong> <span className="muted">{ended.detail}</span>
      {sessionEndHelp(consoleUrl, unsent).map((line) => (
        <p key={line}>{line}</p>
      ))}
      {notSent.length > 0 && (
        <p data-testid="not-sent">
          Not sent (this console cannot send anything until you are back): {notSent.join(', ')}.
        </p>
      )}
    </div>
  );
}
