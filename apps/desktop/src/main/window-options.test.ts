import type { Display } from 'electron';
import { describe, expect, it } from 'vitest';
import { consoleWindowOptions, pickPrompterDisplay, prompterWindowOptions, secureWebPreferences } from './window-options.js';

const display = (id: number, x: number, width = 1920, height = 1080) =>
  ({ id, bounds: { x, y: 0, width, height }, workArea: { x, y: 25, width, height: height - 25 } }) as unknown as Display;
const laptop = display(1, 0, 1512, 982);
const tv = display(2, 1512);

const SECURE = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  preload: '/app/dist/preload/index.cjs',
};

describe('web preferences', () => {
  it('locks down both windows with exactly the security flags', () => {
    const input = { preload: '/app/dist/preload/index.cjs', version: '1.2.3' };
    for (const options of [consoleWindowOptions(input), prompterWindowOptions({ ...input, displays: [laptop], primary: laptop })]) {
      expect(options.webPreferences).toMatchObject(SECURE);
      expect(options.webPreferences?.nodeIntegrationInSubFrames).toBe(false);
      expect(options.webPreferences?.additionalArguments).toEqual(['--cuecart-version=1.2.3']);
    }
  });

  it('never turns on node, remote content or experimental features', () => {
    const prefs = secureWebPreferences('/p.cjs', '1');
    expect(Object.keys(prefs).sort()).toEqual(
      ['additionalArguments', 'allowRunningInsecureContent', 'contextIsolation', 'nodeIntegration', 'nodeIntegrationInSubFrames', 'nodeIntegrationInWorker', 'preload', 'safeDialogs', 'sandbox', 'spellcheck', 'webSecurity', 'webviewTag'].sort(),
    );
  });
});

describe('console window', () => {
  it('opens at 1600×900 and cannot shrink below 1280×720', () => {
    const options = consoleWindowOptions({ preload: '/p.cjs', version: '1' });
    expect(options).toMatchObject({ width: 1600, height: 900, minWidth: 1280, minHeight: 720, show: false });
  });

  it('comes back where it was', () => {
    const options = consoleWindowOptions({ preload: '/p.cjs', version: '1', bounds: { x: 10, y: 20, width: 1400, height: 800 } });
    expect(options).toMatchObject({ x: 10, y: 20, width: 1400, height: 800 });
  });
});

describe('prompter window', () => {
  it('fills the second display when there is one', () => {
    expect(pickPrompterDisplay([laptop, tv], laptop)).toBe(tv);
    const options = prompterWindowOptions({ preload: '/p.cjs', version: '1', displays: [laptop, tv], primary: laptop });
    expect(options).toMatchObject({ x: 1512, y: 0, width: 1920, height: 1080, fullscreen: true, fullscreenable: true, darkTheme: true });
  });

  it('is a centred window on the only display', () => {
    const options = prompterWindowOptions({ preload: '/p.cjs', version: '1', displays: [laptop], primary: laptop });
    expect(options.fullscreen).toBeUndefined();
    expect(options).toMatchObject({ width: 1280, height: 720, x: 116, y: 25 + Math.round((957 - 720) / 2) });
  });

  it('is dark before the page paints', () => {
    const options = prompterWindowOptions({ preload: '/p.cjs', version: '1', displays: [laptop], primary: laptop });
    expect(options.backgroundColor).toMatch(/^#0/);
  });

  it('prefers where the host left it over the second display', () => {
    const bounds = { x: 100, y: 100, width: 800, height: 600 };
    const options = prompterWindowOptions({ preload: '/p.cjs', version: '1', bounds, displays: [laptop, tv], primary: laptop });
    expect(options).toMatchObject(bounds);
    expect(options.fullscreen).toBeUndefined();
  });
});
