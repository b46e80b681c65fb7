import { describe, expect, it } from 'vitest';
import { comboOf, createKeyTracker, DEFAULT_BINDINGS, isActivationOnControl, isEditableTarget, matchAction, slotOf } from './keymap.js';

describe('hotkey matching', () => {
  it('maps the default keys to their actions', () => {
    expect(matchAction({ key: 'Enter' }, DEFAULT_BINDINGS)).toBe('take-top');
    expect(matchAction({ key: 'Delete' }, DEFAULT_BINDINGS)).toBe('dismiss-top');
    expect(matchAction({ key: 'Escape' }, DEFAULT_BINDINGS)).toBe('clear');
    expect(matchAction({ key: '7' }, DEFAULT_BINDINGS)).toBe('slot-7');
    expect(matchAction({ key: 'x' }, DEFAULT_BINDINGS)).toBeNull();
  });
  it('distinguishes modifiers', () => {
    expect(matchAction({ key: 'Enter', ctrlKey: true }, DEFAULT_BINDINGS)).toBeNull();
    expect(matchAction({ key: 'k', ctrlKey: true, shiftKey: true }, { ...DEFAULT_BINDINGS, clear: 'Ctrl+k' })).toBe('clear');
    expect(comboOf({ key: 'Enter', shiftKey: true })).toBe('Shift+Enter');
    expect(comboOf({ key: 'Shift', shiftKey: true })).toBeNull();
    expect(comboOf({ key: ' ' })).toBe('Space');
  });
  it('uses remapped keys', () => {
    const b = { ...DEFAULT_BINDINGS, 'take-top': 'T' };
    expect(matchAction({ key: 't' }, b)).toBe('take-top');
    expect(matchAction({ key: 'Enter' }, b)).toBeNull();
  });
  it('knows the slot of a slot action', () => {
    expect(slotOf('slot-3')).toBe(3);
    expect(slotOf('clear')).toBeNull();
  });
});

describe('editable targets', () => {
  it('ignores keys typed in fields', () => {
    expect(isEditableTarget({ tagName: 'INPUT' })).toBe(true);
    expect(isEditableTarget({ tagName: 'textarea' })).toBe(true);
    expect(isEditableTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isEditableTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isEditableTarget({ tagName: 'DIV', getAttribute: (n) => (n === 'contenteditable' ? 'true' : null) })).toBe(true);
  });
  it('lets hotkeys through elsewhere', () => {
    expect(isEditableTarget({ tagName: 'BODY', getAttribute: () => null, closest: () => null })).toBe(false);
    expect(isEditableTarget(null)).toBe(false);
  });
  it('leaves Enter and Space on a focused button to the button', () => {
    expect(isActivationOnControl({ tagName: 'BUTTON' }, { key: 'Enter' })).toBe(true);
    expect(isActivationOnControl({ tagName: 'BUTTON' }, { key: '1' })).toBe(false);
    expect(isActivationOnControl({ tagName: 'BODY' }, { key: 'Enter' })).toBe(false);
  });
});

describe('key tracker', () => {
  it('fires once per press, on key-up after its own key-down, with the action chosen at key-down', () => {
    const t = createKeyTracker<string>();
    expect(t.keyUp('Enter')).toBeNull();
    expect(t.keyDown('Enter', 'take-top')).toBe(true);
    expect(t.keyDown('Enter', 'take-top')).toBe(false);
    expect(t.keyUp('Enter')).toBe('take-top');
    expect(t.keyUp('Enter')).toBeNull();
  });
  it('forgets held keys after a blur', () => {
    const t = createKeyTracker<string>();
    t.keyDown('Digit1', 'slot-1');
    t.reset();
    expect(t.keyUp('Digit1')).toBeNull();
  });
});
