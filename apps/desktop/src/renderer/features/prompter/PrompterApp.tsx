// The host prompter: the rundown's talking points in large type, the product on air followed, producer cues flashed.
import { useEffect } from 'react';
import type { Session } from '../../lib/session.js';
import { CueFlash } from './CueFlash.js';
import { isMirrorKey } from './mirror.js';
import { PrompterSessionEnded } from './PrompterSessionEnded.js';
import { PrompterTopBar } from './PrompterTopBar.js';
import { usePrompterStore } from './prompter-store.js';
import { RundownList } from './RundownList.js';
import { useHostConnection } from './use-host-connection.js';
import './prompter.css';
import './prompter-rundown.css';
import './prompter-cues.css';

export function PrompterApp({ session }: { session: Extract<Session, { ok: true }> }) {
  useHostConnection(session);
  const mirror = usePrompterStore((s) => s.mirror);
  const toggleMirror = usePrompterStore((s) => s.toggleMirror);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isMirrorKey(event)) toggleMirror();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggleMirror]);

  return (
    <main className="prompter" data-testid="prompter" data-mirror={mirror ? 'true' : 'false'}>
      <div className={mirror ? 'prompter-stage prompter-stage--mirror' : 'prompter-stage'}>
        <PrompterTopBar />
        <PrompterSessionEnded />
        <RundownList />
        <CueFlash />
      </div>
    </main>
  );
}
