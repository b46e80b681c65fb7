import { describe, expect, it } from 'vitest';
import { toActivity } from './command-log.js';

describe('the activity log line of a command', () => {
  it('says what a status change changed it to, and which banner was shown', () => {
    expect(toActivity(3, { id: 's1', type: 'status', status: 'live' }, 'sam', 10)).toEqual({ seq: 3, commandId: 's1', type: 'status', status: 'live', by: 'sam', at: 10 });
    expect(toActivity(4, { id: 'b1', type: 'banner', text: 'Free shipping' }, 'sam', 11)).toMatchObject({ type: 'banner', text: 'Free shipping' });
    expect(toActivity(5, { id: 'f1', type: 'feature', productId: 'p-mug' }, 'sam', 12)).toEqual({ seq: 5, commandId: 'f1', type: 'feature', productId: 'p-mug', by: 'sam', at: 12 });
  });
});
