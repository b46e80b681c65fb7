// The one producer socket of this console, for the features that emit on it.
import type { ProducerSocket } from '../../lib/relay.js';

let current: ProducerSocket | null = null;

export function setProducerSocket(socket: ProducerSocket | null): void {
  current = socket;
}

/** The socket when it is connected; null while the link is down (callers queue or report instead). */
export function connectedSocket(): ProducerSocket | null {
  return current?.connected ? current : null;
}
