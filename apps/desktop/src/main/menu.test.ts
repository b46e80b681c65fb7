import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuInput } from './menu.js';

const input = (overrides: Partial<MenuInput> = {}): MenuInput => ({
  appName: 'Cuecart',
  isMac: false,
  isPackaged: true,
  bindings: {},
  canOpenPrompter: true,
  openPrompter: vi.fn(),
  switchRelay: vi.fn(),
  fire: vi.fn(),
  openHelp: vi.fn(),
  ...overrides,
});

const submenu = (template: MenuItemConstructorOptions[], label: string) => template.find((m) => m.label === label)?.submenu as MenuItemConstructorOptions[];
const roles = (items: MenuItemConstructorOptions[]) => items.map((i) => i.role ?? i.label ?? i.type);

describe('menu template', () => {
  it('has File, View, Show and Help', () => {
    const template = buildMenuTemplate(input());
    expect(template.map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'View', 'Show', 'help']);
    expect(roles(submenu(template, 'File'))).toEqual(['Open prompter', 'Switch relay…', 'separator', 'quit']);
  });

  it('shows DevTools only in development', () => {
    expect(roles(submenu(buildMenuTemplate(input()), 'View'))).toEqual(['reload', 'togglefullscreen']);
    expect(roles(submenu(buildMenuTemplate(input({ isPackaged: false })), 'View'))).toContain('toggleDevTools');
  });

  it('shows the global shortcut next to Take and Clear air without grabbing the key itself', () => {
    const show = submenu(buildMenuTemplate(input({ bindings: { take: 'CommandOrControl+Shift+T' } })), 'Show');
    expect(show.map((i) => [i.label, i.accelerator, i.registerAccelerator])).toEqual([
      ['Take top suggestion', 'CommandOrControl+Shift+T', false],
      ['Clear air', 'Escape', false],
    ]);
  });

  it('fires the action from the menu', () => {
    const fire = vi.fn();
    const show = submenu(buildMenuTemplate(input({ fire })), 'Show');
    (show[1]!.click as () => void)();
    expect(fire).toHaveBeenCalledWith('clear');
  });

  it('greys out Open prompter until a show is known', () => {
    expect(submenu(buildMenuTemplate(input({ canOpenPrompter: false })), 'File')[0]!.enabled).toBe(false);
  });

  it('puts the app menu first on macOS and closes the window from File', () => {
    const template = buildMenuTemplate(input({ isMac: true }));
    expect(template[0]!.label).toBe('Cuecart');
    expect(roles(submenu(template, 'File'))).toContain('close');
  });
});
