// Transcript segments from speech-to-text, in show milliseconds.
import { z } from 'zod';
import { ClientId, MediaMs } from './primitives.js';

/** Longest text accepted in one segment; ASR segments run 2–8 s, so this is generous. */
export const MAX_SEGMENT_CHARS = 2000;
export const MAX_SEGMENTS_PER_POST = 200;

export const TranscriptSegmentInput = z
  .object({
    id: ClientId.optional(),
    startMs: MediaMs,
    endMs: MediaMs,
    text: z.string().max(MAX_SEGMENT_CHARS),
    final: z.boolean().optional(),
  })
  .refine((s) => s.endMs >= s.startMs, { message: 'endMs must not be before startMs', path: ['endMs'] });
export type TranscriptSegmentInput = z.infer<typeof TranscriptSegmentInput>;

export const TranscriptBody = z.object({ segments: z.array(TranscriptSegmentInput).min(1).max(MAX_SEGMENTS_PER_POST) });
export type TranscriptBody = z.infer<typeof TranscriptBody>;

export const TranscriptSegment = z.object({
  id: ClientId,
  startMs: MediaMs,
  endMs: MediaMs,
  text: z.string(),
  final: z.boolean(),
});
export type TranscriptSegment = z.infer<typeof TranscriptSegment>;

/** The answer to a transcript POST: what happened to each segment. */
export const TranscriptIngestResult = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  outOfOrder: z.number().int(),
  empty: z.number().int(),
});
export type TranscriptIngestResult = z.infer<typeof TranscriptIngestResult>;
