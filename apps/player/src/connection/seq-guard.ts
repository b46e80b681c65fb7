// Overlay states are full snapshots with a revision: render only ones newer than what is on screen.
import type { OverlayState } from '@cuecart/shared';

export type SeqVerdict = 'render' | 'stale' | 'repeat';

export interface SeqGuard {
  /** 'render' for a newer state (records it), 'repeat' for the same seq, 'stale' for an older one. */
  check(state: Pick<OverlayState, 'seq'>): SeqVerdict;
  /** The seq last rendered, -1 before the first. */
  readonly lastSeq: number;
  /** True when the last accepted state skipped revisions (fine: each state is complete). */
  readonly sawGap: boolean;
}

export function createSeqGuard(): SeqGuard {
  let lastSeq = -1;
  let sawGap = false;
  return {
    check(state) {
      if (!Number.isInteger(state.seq) || state.seq < lastSeq) return 'stale';
      if (state.seq === lastSeq) return 'repeat';
      sawGap = lastSeq >= 0 && state.seq > lastSeq + 1;
      lastSeq = state.seq;
      return 'render';
    },
    get lastSeq() {
      return lastSeq;
    },
    get sawGap() {
      return sawGap;
    },
  };
}
