import { describe, expect, it } from 'vitest';
import { emptyTranscript, formatShowTime, highlightPieces, upsertSegment } from './transcript-model.js';

const seg = (id: string, startMs: number, text: string, final = true) => ({ id, startMs, endMs: startMs + 1000, text, final });

describe('transcript model', () => {
  it('replaces a partial by its final in place', () => {
    let m = upsertSegment(emptyTranscript(), seg('a', 0, 'this is the', false));
    m = upsertSegment(m, seg('b', 2000, 'next'));
    m = upsertSegment(m, seg('a', 0, 'this is the Aurora lamp'));
    expect(m.segments.map((s) => s.text)).toEqual(['this is the Aurora lamp', 'next']);
  });
  it('never downgrades a final to a partial and ignores identical repeats', () => {
    let m = upsertSegment(emptyTranscript(), seg('a', 0, 'final text'));
    const same = upsertSegment(m, seg('a', 0, 'final text'));
    expect(same).toBe(m);
    m = upsertSegment(m, seg('a', 0, 'fin', false));
    expect(m.segments[0]!.text).toBe('final text');
  });
  it('slots a late segment by start time and keeps the index right', () => {
    let m = upsertSegment(emptyTranscript(), seg('a', 0, 'one'));
    m = upsertSegment(m, seg('c', 4000, 'three'));
    m = upsertSegment(m, seg('b', 2000, 'two'));
    expect(m.segments.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(m.index.get('c')).toBe(2);
  });
  it('highlights the matched words, joined across spaces', () => {
    expect(highlightPieces('Look at the Aurora Lamp, friends', ['aurora lamp'])).toEqual([
      { text: 'Look at the ', hit: false },
      { text: 'Aurora Lamp', hit: true },
      { text: ', friends', hit: false },
    ]);
    expect(highlightPieces('nothing here', [])).toEqual([{ text: 'nothing here', hit: false }]);
  });
  it('formats show time', () => {
    expect(formatShowTime(65_000)).toBe('1:05');
    expect(formatShowTime(3_725_000)).toBe('1:02:05');
  });
});
