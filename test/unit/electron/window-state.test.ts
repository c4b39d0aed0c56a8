import fc from 'fast-check';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Rectangle } from 'electron';
import {
  loadWindowState,
  minimumWindowSize,
  rememberWindowState,
  restoreWindowState,
  type WindowState,
} from '../../../electron/window-state';
import { BrowserWindow, resetFakeElectron } from './fake-electron';
import { useTempFolder } from './temp-folder';

vi.mock('electron', () => import('./fake-electron'));

const laptop: Rectangle = { x: 0, y: 25, width: 1440, height: 875 };
const monitorOnTheRight: Rectangle = { x: 1440, y: 0, width: 2560, height: 1440 };

function within(bounds: Rectangle, area: Rectangle): boolean {
  return (
    bounds.x >= area.x &&
    bounds.y >= area.y &&
    bounds.x + bounds.width <= area.x + area.width &&
    bounds.y + bounds.height <= area.y + area.height
  );
}

describe('restoreWindowState', () => {
  it('centres the default size on the primary display the first time', () => {
    expect(restoreWindowState(null, [laptop], laptop)).toEqual({
      x: 80,
      y: 53,
      width: 1280,
      height: 820,
      maximized: false,
    });
  });

  it('puts the window back where it was when that place is visible', () => {
    const saved: WindowState = { x: 1600, y: 100, width: 1600, height: 1000, maximized: true };
    expect(restoreWindowState(saved, [laptop, monitorOnTheRight], laptop)).toEqual(saved);
  });

  it('brings the window back to the primary display when its monitor was unplugged', () => {
    const saved: WindowState = { x: 1600, y: 100, width: 1600, height: 1000, maximized: false };
    const restored = restoreWindowState(saved, [laptop], laptop);
    expect(within(restored, laptop)).toBe(true);
    expect(restored).toEqual({ x: 80, y: 53, width: 1280, height: 820, maximized: false });
  });

  it('pulls a window hanging off the edge fully onto the display', () => {
    const saved: WindowState = { x: 1000, y: -200, width: 1000, height: 700, maximized: false };
    expect(restoreWindowState(saved, [laptop], laptop)).toEqual({
      x: 440,
      y: 25,
      width: 1000,
      height: 700,
      maximized: false,
    });
  });

  it('shrinks a window larger than the display it is on', () => {
    const saved: WindowState = { x: 0, y: 0, width: 2560, height: 1440, maximized: false };
    expect(restoreWindowState(saved, [laptop], laptop)).toEqual({ ...laptop, maximized: false });
  });

  it('always opens wholly on one of the displays', () => {
    const area = fc.record({
      x: fc.integer({ min: -4000, max: 4000 }),
      y: fc.integer({ min: -2000, max: 2000 }),
      width: fc.integer({ min: 800, max: 4000 }),
      height: fc.integer({ min: 600, max: 2500 }),
    });
    const saved = fc.record({
      x: fc.integer({ min: -20000, max: 20000 }),
      y: fc.integer({ min: -20000, max: 20000 }),
      width: fc.integer({ min: minimumWindowSize.width, max: 8000 }),
      height: fc.integer({ min: minimumWindowSize.height, max: 8000 }),
      maximized: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.option(saved), fc.array(area, { minLength: 1, maxLength: 4 }), (state, areas) => {
        const restored = restoreWindowState(state, areas, areas[0]);
        expect(areas.some((workArea) => within(restored, workArea))).toBe(true);
      }),
    );
  });
});

describe('remembering the window state', () => {
  const temp = useTempFolder('window-state');
  let file: string;
  beforeEach(() => {
    resetFakeElectron();
    file = join(temp.path, 'window-state.json');
  });

  it('saves the normal bounds and the maximized flag when the window closes, and loads them back', async () => {
    const appWindow = new BrowserWindow({ x: 100, y: 120, width: 1100, height: 760 });
    appWindow.maximized = true;
    rememberWindowState(appWindow as never, file);
    expect(await loadWindowState(file)).toBeNull();
    appWindow.emit('close');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      x: 100,
      y: 120,
      width: 1100,
      height: 760,
      maximized: true,
    });
    expect(await loadWindowState(file)).toEqual({ x: 100, y: 120, width: 1100, height: 760, maximized: true });
  });

  it('ignores a damaged or foreign state file', async () => {
    await writeFile(file, '{"x": "left"}');
    expect(await loadWindowState(file)).toBeNull();
    await writeFile(file, 'garbage');
    expect(await loadWindowState(file)).toBeNull();
  });
});
