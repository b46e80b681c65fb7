// The producer console (filled in by the console feature work).
import type { Session } from '../../lib/session.js';

export function ConsoleApp({ session }: { session: Extract<Session, { ok: true }> }) {
  return <main data-testid="console">Console for {session.relay}</main>;
}
