import { describe, expect, it } from 'vitest';
import { DEFAULT_BINDINGS } from '../hotkeys/keymap.js';
import { DEFAULT_GLOBAL, parseSettings, rebind, serializeSettings } from './settings-model.js';

describe('settings persistence', () => {
  it('falls back to defaults for missing or broken data', () => {
    expect(parseSettings(null).bindings).toEqual(DEFAULT_BINDINGS);
    expect(parseSettings('{oops').bindings).toEqual(DEFAULT_BINDINGS);
    expect(parseSettings('42').global).toEqual(DEFAULT_GLOBAL);
  });
  it('round-trips remapped keys and accelerators', () => {
    const s = parseSettings(null);
    s.bindings = rebind(s.bindings, 'take-top', 't');
    s.global.take = 'F9';
    const back = parseSettings(serializeSettings(s));
    expect(back.bindings['take-top']).toBe('T');
    expect(back.global.take).toBe('F9');
  });
  it('keeps good fields and drops bad ones one by one', () => {
    const s = parseSettings(JSON.stringify({ bindings: { 'take-top': 'F2', clear: 12, 'slot-1': 'a b c' }, global: { take: '<script>' } }));
    expect(s.bindings['take-top']).toBe('F2');
    expect(s.bindings.clear).toBe('Escape');
    expect(s.bindings['slot-1']).toBe('1');
    expect(s.global.take).toBe(DEFAULT_GLOBAL.take);
  });
  it('never stores one key for two actions', () => {
    const s = parseSettings(JSON.stringify({ bindings: { 'take-top': 'Escape' } }));
    expect(s.bindings).toEqual(DEFAULT_BINDINGS);
    const swapped = rebind(DEFAULT_BINDINGS, 'take-top', 'Escape');
    expect(swapped.clear).toBe('Enter');
  });
});
