// Overlay states are full snapshots with a revision: render only ones newer than what is on screen.
// The rule itself is the shared overlayVerdict; this keeps the player's last seq and the reconnect flag.
import { overlayVerdict, type OverlayState } from '@cuecart/shared';

export type SeqVerdict = 'render' | 'stale' | 'repeat';

export interface SeqGuard {
  /** 'render' for a newer state (records it), 'repeat' for the same seq, 'stale' for an older one. */
  check(state: Pick<OverlayState, 'seq'>): SeqVerdict;
  /** A new connection: its first state is taken whatever its seq (the relay may have restarted). */
  resync(): void;
  /** The seq last rendered, -1 before the first. */
  readonly lastSeq: number;
  /** True when the last accepted state skipped revisions (fine: each state is complete). */
  readonly sawGap: boolean;
}

const VERDICT = { newer: 'render', same: 'repeat', stale: 'stale' } as const;

export function createSeqGuard(): SeqGuard {
  // The viewer connection only passes states of its own show, so the show id is a constant here.
  let last: { showId: string; seq: number } | null = null;
  let sawGap = false;
  let resyncing = false;
  return {
    check(state) {
      const next = { showId: '', seq: state.seq };
      const verdict = VERDICT[overlayVerdict(last, next, resyncing)];
      if (verdict === 'stale') return verdict;
      resyncing = false;
      if (verdict === 'render') {
        sawGap = last !== null && state.seq > last.seq + 1;
        last = next;
      }
      return verdict;
    },
    resync() {
      resyncing = true;
    },
    get lastSeq() {
      return last?.seq ?? -1;
    },
    get sawGap() {
      return sawGap;
    },
  };
}
