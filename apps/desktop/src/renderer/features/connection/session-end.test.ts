import { describe, expect, it } from 'vitest';
import { prompterEndHelp, sessionEndHelp, sessionEndOf, sessionEndTitle } from './session-end.js';

describe('session end', () => {
  it('says plainly that the session expired, or was revoked, and how to get back', () => {
    const expired = sessionEndOf('session:expired', 'this producer session expired at 2026-12-02T20:00:00.000Z: ask the show admin for a new producer token');
    expect(sessionEndTitle(expired)).toBe('Your session expired');
    expect(sessionEndTitle(sessionEndOf('connect_error', 'the token has expired: ask the show admin for a new one'))).toBe('Your session expired');
    expect(sessionEndTitle(sessionEndOf('revoked', 'this token was revoked'))).toBe('Your access was revoked');
    expect(sessionEndTitle(sessionEndOf('connect_error', 'this token is for show "a", not "b"'))).toBe('The relay refused this console');
    expect(sessionEndHelp('https://relay.example/console', 0)).toEqual([expect.stringContaining('https://relay.example/console#token=NEW_TOKEN')]);
  });

  it('counts what the queue held that was never sent', () => {
    expect(sessionEndHelp('x', 1)[1]).toBe('1 command in the queue was not sent: fire it again once you are back.');
    expect(sessionEndHelp('x', 3)[1]).toBe('3 commands in the queue were not sent: fire them again once you are back.');
  });

  it('tells a host how to get the prompter back: Open prompter again, or a new host token', () => {
    const expired = sessionEndOf('session:expired', 'this host session expired at 2026-12-02T20:00:00.000Z');
    expect(sessionEndTitle(expired, 'prompter')).toBe('Your session expired');
    expect(sessionEndTitle(sessionEndOf('connect_error', 'a viewer token cannot do this'), 'prompter')).toBe('The relay refused this prompter');
    const help = prompterEndHelp('https://relay.example/prompter/spring');
    expect(help).toEqual([expect.stringContaining('Open prompter'), expect.stringContaining('https://relay.example/prompter/spring#token=NEW_HOST_TOKEN')]);
  });
});
