import { describe, expect, it } from 'vitest';
import { durabilityProblem } from './redis-durability.js';

describe('durabilityProblem', () => {
  it('accepts only a Redis that writes every change to its append-only file before it answers', () => {
    expect(durabilityProblem({ appendonly: 'yes', appendfsync: 'always' })).toBeUndefined();
    expect(durabilityProblem({ appendonly: 'YES', appendfsync: 'Always' })).toBeUndefined();
    expect(durabilityProblem({ appendonly: 'yes', appendfsync: 'everysec' })).toBe('appendfsync is "everysec"');
    expect(durabilityProblem({ appendonly: 'no', appendfsync: 'always' })).toBe('appendonly is "no"');
    expect(durabilityProblem({})).toBe('appendonly is "unset" and appendfsync is "unset"');
  });
});
