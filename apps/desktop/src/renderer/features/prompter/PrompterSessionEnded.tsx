// Across the prompter once the relay ended its session: what happened and how the host gets it back, readable
// from the presenter's spot.
import { prompterEndHelp, sessionEndTitle } from '../connection/session-end.js';
import { usePrompterStore } from './prompter-store.js';

export function PrompterSessionEnded() {
  const ended = usePrompterStore((s) => s.ended);
  if (!ended) return null;
  const prompterUrl = `${location.origin}${location.pathname}`;
  return (
    <div className="prompter-ended" role="alert" data-testid="session-ended" data-reason={ended.reason}>
      <strong>{sessionEndTitle(ended, 'prompter')}.</strong> <span className="prompter-ended__detail">{ended.detail}</span>
      {prompterEndHelp(prompterUrl).map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
