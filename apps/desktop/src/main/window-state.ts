// Remembers where each window was (bounds, maximized) in window-state.json, and puts it back on a display that still exists.
import type { Rectangle } from 'electron';
import { z } from 'zod';
import { readJsonFile, writeJsonFile, type JsonFs } from './json-file.js';
import type { WindowKind } from './window-options.js';

const Bounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

const SavedWindow = z.object({ bounds: Bounds, maximized: z.boolean().default(false), fullscreen: z.boolean().default(false) });
export type SavedWindow = z.infer<typeof SavedWindow>;

const WindowStateFile = z.object({
  version: z.literal(1),
  windows: z.object({ console: SavedWindow.optional(), prompter: SavedWindow.optional() }),
});
type WindowStateFile = z.infer<typeof WindowStateFile>;

const EMPTY: WindowStateFile = { version: 1, windows: {} };

/** Only the work areas matter here: a window is placed where the taskbar and menu bar are not. */
export interface WorkArea {
  workArea: Rectangle;
}

export interface MinSize {
  minWidth: number;
  minHeight: number;
}

function overlapArea(a: Rectangle, b: Rectangle): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Fits saved bounds onto the display they overlap most, or centres them on the primary one when they overlap none
 * (a display was unplugged), shrinking them to the work area and keeping the window's minimum size where it fits.
 */
export function clampToDisplays(bounds: Rectangle, displays: readonly WorkArea[], primary: WorkArea, min: MinSize): Rectangle {
  let target = primary.workArea;
  let best = 0;
  for (const d of displays) {
    const area = overlapArea(bounds, d.workArea);
    if (area > best) {
      best = area;
      target = d.workArea;
    }
  }
  const width = Math.min(Math.max(bounds.width, min.minWidth), target.width);
  const height = Math.min(Math.max(bounds.height, min.minHeight), target.height);
  if (best === 0) {
    return { x: target.x + Math.round((target.width - width) / 2), y: target.y + Math.round((target.height - height) / 2), width, height };
  }
  const x = Math.min(Math.max(bounds.x, target.x), target.x + target.width - width);
  const y = Math.min(Math.max(bounds.y, target.y), target.y + target.height - height);
  return { x, y, width, height };
}

export interface WindowStateStore {
  get(kind: WindowKind): SavedWindow | undefined;
  set(kind: WindowKind, state: SavedWindow): void;
}

export function createWindowStateStore(fs: JsonFs, dir: string, join: (...parts: string[]) => string): WindowStateStore {
  const file = join(dir, 'window-state.json');
  let state = readJsonFile(fs, file, WindowStateFile, EMPTY);
  return {
    get: (kind) => state.windows[kind],
    set(kind, saved) {
      const rounded = { ...saved, bounds: { x: Math.round(saved.bounds.x), y: Math.round(saved.bounds.y), width: Math.round(saved.bounds.width), height: Math.round(saved.bounds.height) } };
      state = { ...state, windows: { ...state.windows, [kind]: rounded } };
      try {
        writeJsonFile(fs, dir, file, state);
      } catch {
        // A read-only profile loses window positions, nothing more.
      }
    },
  };
}
