// A transcript source feeds a show's segments into ingest: the push API needs none; V100 and the
// simulated feed run inside the relay behind this one interface.
import type { TranscriptSegmentInput } from '@cuecart/shared';
import type { Logger } from '../../logger.js';

export type SegmentSink = (segments: TranscriptSegmentInput[]) => void;

export interface TranscriptSource {
  readonly kind: 'v100' | 'simulated' | 'local';
  start(): void;
  stop(): Promise<void>;
}

export interface SourceContext {
  showId: string;
  sink: SegmentSink;
  logger: Logger;
  clock: () => number;
}
