import type { Socket } from 'socket.io';
import { describe, expect, it, vi } from 'vitest';
import type { ShowClaims } from '../auth/tokens.js';
import { expireWithToken } from './token-expiry.js';

type Packet = unknown[];

function fakeSocket() {
  const middlewares: Array<(packet: Packet, next: (err?: Error) => void) => void> = [];
  const emitted: Array<[string, unknown]> = [];
  const socket = {
    connected: true,
    use: (fn: (typeof middlewares)[number]) => middlewares.push(fn),
    once: vi.fn(),
    emit: (event: string, value: unknown) => emitted.push([event, value]),
    disconnect: vi.fn(() => {
      socket.connected = false;
    }),
  };
  /** Sends a packet through the middlewares: true when it reached the handlers. */
  const send = (packet: Packet) => {
    let passed = false;
    middlewares[0]!(packet, () => (passed = true));
    return passed;
  };
  return { socket, emitted, send };
}

const claims: ShowClaims = { show: 's', role: 'producer', name: 'p', jti: 'j', iat: 0, exp: 10_000 };

describe('expireWithToken', () => {
  it('refuses an event that arrives after exp even before the timer fires, and cuts the socket off', () => {
    vi.useFakeTimers();
    try {
      let now = 1_000;
      const { socket, emitted, send } = fakeSocket();
      expireWithToken(socket as unknown as Socket, claims, () => now);
      expect(send(['command', {}, () => {}])).toBe(true);
      now = 10_000; // the clock has passed exp; the timer has not run yet
      const ack = vi.fn();
      expect(send(['command', {}, ack])).toBe(false);
      expect(ack).toHaveBeenCalledWith({ ok: false, error: expect.objectContaining({ code: 'unauthorized' }) });
      expect(emitted.map(([e]) => e)).toEqual(['session:expired']);
      expect(socket.disconnect).toHaveBeenCalledWith(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('re-arms past the longest timer a 30-day token needs, and cuts off at exp', () => {
    vi.useFakeTimers();
    try {
      const start = Date.now();
      const long = { ...claims, exp: start + 30 * 24 * 3600 * 1000 };
      const { socket, emitted } = fakeSocket();
      expireWithToken(socket as unknown as Socket, long);
      vi.advanceTimersByTime(2 ** 31 - 1);
      expect(emitted).toEqual([]);
      vi.advanceTimersByTime(long.exp - start - (2 ** 31 - 1));
      expect(emitted.map(([e]) => e)).toEqual(['session:expired']);
    } finally {
      vi.useRealTimers();
    }
  });
});
