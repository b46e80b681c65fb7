import { EventEmitter } from 'node:events';
import { apiError } from '@cuecart/shared';
import { describe, expect, it, vi } from 'vitest';
import type { Logger } from '../logger.js';
import { fail, handle, OK, refuseCommands } from './handle.js';
import type { HostSocket, ProducerSocket, ViewerSocket } from './typed.js';

const logger = { error: vi.fn() } as unknown as Logger;

/** Enough of a socket for handle(): `on` registers, `fire` plays what a client would send. */
function fakeSocket() {
  const emitter = new EventEmitter();
  const fire = (event: string, ...args: unknown[]) => emitter.emit(event, ...args);
  return { socket: emitter as unknown as ProducerSocket, fire };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('handle', () => {
  it('passes the payload and acks with the answer, once', async () => {
    const { socket, fire } = fakeSocket();
    const seen: unknown[] = [];
    handle(socket, logger, 'cue', (payload) => (seen.push(payload), OK));
    const ack = vi.fn();
    fire('cue', { id: 'c1', text: 'smile' }, ack);
    await settle();
    expect(seen).toEqual([{ id: 'c1', text: 'smile' }]);
    expect(ack).toHaveBeenCalledTimes(1);
    expect(ack).toHaveBeenCalledWith({ ok: true });
  });

  it('gives no payload when the client sent only an ack', async () => {
    const { socket, fire } = fakeSocket();
    const seen: unknown[] = [];
    handle(socket, logger, 'overlay:get', (payload) => (seen.push(payload), fail(apiError('not_found', 'gone'))));
    const ack = vi.fn();
    fire('overlay:get', ack);
    await settle();
    expect(seen).toEqual([undefined]);
    expect(ack).toHaveBeenCalledWith({ ok: false, error: { code: 'not_found', message: 'gone' } });
  });

  it('answers internal, and logs, when the handler throws; no ack is no crash', async () => {
    const { socket, fire } = fakeSocket();
    handle(socket, logger, 'cue', () => {
      throw new Error('boom');
    });
    const ack = vi.fn();
    fire('cue', {}, ack);
    fire('cue', {});
    await settle();
    expect(ack).toHaveBeenCalledWith({ ok: false, error: expect.objectContaining({ code: 'internal' }) });
    expect(logger.error).toHaveBeenCalled();
  });

  it('refuses commands from a role that may not send them', async () => {
    const { socket, fire } = fakeSocket();
    refuseCommands(socket as unknown as HostSocket, logger, 'host');
    const ack = vi.fn();
    fire('command', { type: 'clear' }, ack);
    await settle();
    expect(ack).toHaveBeenCalledWith({ ok: false, error: expect.objectContaining({ code: 'forbidden', message: expect.stringContaining('a host cannot change the overlay') }) });
  });
});

/**
 * Compile-time checks (`npm test` type-checks every test file): each line marked @ts-expect-error must stay
 * an error, i.e. the namespaces really are typed by the shared event maps. Never called.
 */
export function typedEventChecks(producer: ProducerSocket, viewer: ViewerSocket): void {
  // @ts-expect-error an event the producer's map does not name
  handle(producer, logger, 'suggestion:dismissed', () => OK);
  // @ts-expect-error a producer-only event on a viewer socket
  handle(viewer, logger, 'rundown:set', () => OK);
  // @ts-expect-error a command's ack carries the new seq, a number
  handle(producer, logger, 'command', () => ({ ok: true as const, seq: 'one' }));
  // @ts-expect-error the rundown is a list of items
  producer.emit('rundown', 5);
  // @ts-expect-error viewers are not sent cues
  viewer.emit('cue', { id: 'c', text: 't', at: 0, from: 'p' });
}
