// The one producer socket of this console, for the features that emit on it.
import type { ProducerSocket } from '../../lib/relay.js';

let current: ProducerSocket | null = null;
/** The heartbeat went unanswered: the socket may still say connected, but nothing sent now would arrive. */
let silent = false;

export function setProducerSocket(socket: ProducerSocket | null): void {
  current = socket;
  silent = false;
}

export function setLinkSilent(value: boolean): void {
  silent = value;
}

/** The socket when it is connected and answering; null while the link is down (callers queue or report instead). */
export function connectedSocket(): ProducerSocket | null {
  return current?.connected && !silent ? current : null;
}
