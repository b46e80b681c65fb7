// Reading again what a relay may have missed while cut off from Redis (show changes, token revocations).
import type { Logger } from '../logger.js';

/**
 * Reads what this relay may have missed while cut off from Redis. The subscriber can be back before the
 * client that reads (the read then fails), and it re-subscribes only after 'ready' (a publish in between is
 * lost): so the read is retried until Redis answers, and made once more a moment later.
 */
export function rereadAfterReconnect(read: () => Promise<void>, what: string, logger: Logger): void {
  const attempt = (left: number) => {
    read().catch((err: Error) => {
      if (left > 0) setTimeout(() => attempt(left - 1), 250).unref();
      else logger.warn({ err: err.message }, `${what} not re-read after a reconnect`);
    });
  };
  attempt(40);
  setTimeout(() => attempt(40), 1000).unref();
}
