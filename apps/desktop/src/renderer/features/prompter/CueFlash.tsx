// Producer cues: a full-width flash that grabs the host's eye, then the last cue kept small in a corner.
import { agoText, cueViewAt } from './cue-view.js';
import { usePrompterStore } from './prompter-store.js';
import { useNow } from '../../lib/use-now.js';

export function CueFlash() {
  const received = usePrompterStore((s) => s.cue);
  const now = useNow();
  // `now` is floored to the second, so a fresh cue may look slightly in the future: it still flashes.
  const { flash, last } = cueViewAt(received, now);

  if (flash) {
    return (
      <div key={flash.cue.id} className="cue-flash" data-testid="cue-flash" role="alert">
        <span className="cue-flash__label">Cue</span>
        <span className="cue-flash__text">{flash.cue.text}</span>
        {flash.cue.from && <span className="cue-flash__from">{flash.cue.from}</span>}
      </div>
    );
  }
  if (last) {
    return (
      <aside className="cue-last" data-testid="cue-last" aria-label="last cue">
        <span className="cue-last__label">Last cue · {agoText(now - last.receivedAt)}</span>
        <span className="cue-last__text">{last.cue.text}</span>
      </aside>
    );
  }
  return null;
}
