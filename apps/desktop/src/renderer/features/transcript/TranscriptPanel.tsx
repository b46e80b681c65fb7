// The live transcript: virtualized, following the live edge until the producer scrolls up.
import { memo, useCallback, useState } from 'react';
import type { TranscriptSegment } from '@cuecart/shared';
import { VirtualList } from './VirtualList.js';
import { formatShowTime, highlightPieces } from './transcript-model.js';
import { useTranscript } from './transcript-store.js';

const keyOf = (s: TranscriptSegment) => s.id;
// About 62 characters per line in the panel at 1600 px; measured heights replace this on render.
const estimate = (s: TranscriptSegment) => 22 + Math.floor(s.text.length / 62) * 19;

export function TranscriptPanel() {
  const segments = useTranscript((s) => s.model.segments);
  const [follow, setFollow] = useState(true);
  const renderRow = useCallback((s: TranscriptSegment) => <TranscriptLine segment={s} />, []);

  return (
    <section className="panel transcript" aria-label="Live transcript">
      <header className="panel-head">
        <h2>Transcript</h2>
        <span className="muted">{segments.length} {segments.length === 1 ? 'line' : 'lines'}</span>
        {!follow && <span className="pill pill-warn">paused</span>}
      </header>
      <div className="transcript-body">
        {segments.length === 0 && <p className="empty">Waiting for the host to speak…</p>}
        <VirtualList items={segments} keyOf={keyOf} estimate={estimate} renderRow={renderRow} follow={follow} onFollowChange={setFollow} />
        {!follow && (
          <button type="button" className="jump-live" onClick={() => setFollow(true)}>
            ↓ Jump to live
          </button>
        )}
      </div>
    </section>
  );
}

const TranscriptLine = memo(function TranscriptLine({ segment }: { segment: TranscriptSegment }) {
  const phrases = useTranscript((s) => s.highlights.get(segment.id));
  const pieces = highlightPieces(segment.text, phrases ?? []);
  return (
    <p className={`transcript-line${segment.final ? '' : ' partial'}`} data-testid="transcript-line" data-segment-id={segment.id}>
      <time className="ts">{formatShowTime(segment.startMs)}</time>
      <span className="words">
        {pieces.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
      </span>
    </p>
  );
});
