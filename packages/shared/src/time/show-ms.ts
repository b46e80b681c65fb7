// Show milliseconds (DESIGN.md "Time"): ms since the show's stream started, the one clock every card and
// playhead is written in.

/**
 * Show ms of a frame from its program date (`EXT-X-PROGRAM-DATE-TIME`, epoch ms) and the stream's epoch,
 * rounded; null when either is unknown, or for a frame before the stream started (no show time yet).
 */
export function showMsAt(programDateMs: number | null | undefined, streamEpochMs: number | null | undefined): number | null {
  if (programDateMs == null || streamEpochMs == null || !Number.isFinite(programDateMs) || !Number.isFinite(streamEpochMs)) return null;
  const ms = Math.round(programDateMs - streamEpochMs);
  return ms >= 0 ? ms : null;
}
