// The host prompter (filled in by the prompter feature work).
import type { Session } from '../../lib/session.js';

export function PrompterApp({ session }: { session: Extract<Session, { ok: true }> }) {
  return <main data-testid="prompter">Prompter for {session.showId}</main>;
}
