// Why a console's session is over for good (its token expired or was revoked), and what the producer reads:
// what happened, how to get back, and what the queue held that was never sent.
export type SessionEndReason = 'expired' | 'revoked' | 'refused';

export interface SessionEnd {
  reason: SessionEndReason;
  /** The relay's own words. */
  detail: string;
}

/** From a `session:expired` or `revoked` event, or a final connect refusal (`connect_error` once retries stopped). */
export function sessionEndOf(event: 'session:expired' | 'revoked' | 'connect_error', detail: string): SessionEnd {
  if (event === 'session:expired' || /expired/i.test(detail)) return { reason: 'expired', detail };
  if (event === 'revoked' || /revoked/i.test(detail)) return { reason: 'revoked', detail };
  return { reason: 'refused', detail };
}

export function sessionEndTitle(end: SessionEnd, page: 'console' | 'prompter' = 'console'): string {
  if (end.reason === 'expired') return 'Your session expired';
  if (end.reason === 'revoked') return 'Your access was revoked';
  return `The relay refused this ${page}`;
}

/** How to get back in, with the console's own address to open. */
export function sessionEndHelp(consoleUrl: string, unsent: number): string[] {
  const lines = [`Ask the show admin for a new producer token, then open ${consoleUrl}#token=NEW_TOKEN (or paste it in the desktop app's connect page).`];
  if (unsent > 0) lines.push(`${unsent} command${unsent === 1 ? '' : 's'} in the queue ${unsent === 1 ? 'was' : 'were'} not sent: fire ${unsent === 1 ? 'it' : 'them'} again once you are back.`);
  return lines;
}

/** How a host gets the prompter back: the producer opens it again (a fresh host token), or the admin sends one. */
export function prompterEndHelp(prompterUrl: string): string[] {
  return [
    'Ask the producer to press "Open prompter" in the console again: it opens this prompter with a new host token.',
    `Or ask the show admin for a new host token, then open ${prompterUrl}#token=NEW_HOST_TOKEN.`,
  ];
}
