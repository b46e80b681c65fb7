// The console's own heartbeat. Socket.IO notices a dead link only after its ping timeout (tens of seconds) when
// the relay vanishes without closing the connection (Wi-Fi gone, a laptop lid, a cable): the console pings a
// few times a second and calls the link silent once a ping has gone unanswered for SILENT_AFTER_MS. Waits are
// measured from the oldest unanswered ping, not from the last answer, so a background tab whose timers the
// browser slows to once a second is not mistaken for a dead link.

export const PING_EVERY_MS = 200;
/** A ping unanswered this long: the link is silent, and the console shows it offline at once (under 1 s after the loss). */
export const SILENT_AFTER_MS = 600;
/** Silent this long: drop the connection so that Socket.IO reconnects from scratch. */
export const STUCK_AFTER_MS = 4000;

export interface LinkWatchDeps {
  /** Sends one ping; calls `heard` when (if ever) its answer arrives. */
  ping(heard: () => void): void;
  onSilent(): void;
  onHeard(): void;
  onStuck(): void;
  now?: () => number;
  every?: (fn: () => void, ms: number) => () => void;
}

export interface LinkWatch {
  stop(): void;
  readonly silent: boolean;
}

const interval = (fn: () => void, ms: number) => {
  const id = setInterval(fn, ms);
  return () => clearInterval(id);
};

/** Starts pinging now (call it on connect, stop it on disconnect). */
export function watchLink(deps: LinkWatchDeps): LinkWatch {
  const now = deps.now ?? Date.now;
  /** When the oldest ping still unanswered went out; null when every ping was answered. */
  let waitingSince: number | null = null;
  let silent = false;
  let stuck = false;
  let stopped = false;
  const heard = () => {
    if (stopped) return;
    waitingSince = null;
    stuck = false;
    if (silent) {
      silent = false;
      deps.onHeard();
    }
  };
  const tick = () => {
    const t = now();
    const waited = waitingSince === null ? 0 : t - waitingSince;
    if (!silent && waited >= SILENT_AFTER_MS) {
      silent = true;
      deps.onSilent();
    }
    if (silent && !stuck && waited >= STUCK_AFTER_MS) {
      stuck = true;
      deps.onStuck();
    }
    waitingSince ??= t;
    deps.ping(heard);
  };
  const cancel = (deps.every ?? interval)(tick, PING_EVERY_MS);
  return {
    stop: () => {
      stopped = true;
      cancel();
    },
    get silent() {
      return silent;
    },
  };
}
