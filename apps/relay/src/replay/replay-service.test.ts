import { describe, expect, it } from 'vitest';
import { upsertLine } from './replay-service.js';

describe("the replay's kept transcript", () => {
  it('puts each line in time order (ties by id) and replaces an earlier version of it', () => {
    const lines = [
      { id: 'a', startMs: 0, endMs: 1, text: 'a' },
      { id: 'c', startMs: 20, endMs: 21, text: 'c' },
    ];
    upsertLine(lines, { id: 'b', startMs: 10, endMs: 11, text: 'b' });
    upsertLine(lines, { id: 'd', startMs: 30, endMs: 31, text: 'd' });
    upsertLine(lines, { id: 'a2', startMs: 0, endMs: 1, text: 'a2' });
    upsertLine(lines, { id: 'c', startMs: 25, endMs: 26, text: 'c, corrected' });
    expect(lines.map((l) => `${l.id}@${l.startMs}`)).toEqual(['a@0', 'a2@0', 'b@10', 'c@25', 'd@30']);
    expect(lines.find((l) => l.id === 'c')!.text).toBe('c, corrected');
  });
});
