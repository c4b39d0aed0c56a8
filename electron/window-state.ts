// The main window's size and position, remembered in userData across launches and restored only
// where the coach can see it: a monitor that was unplugged must not swallow the window.
import type { BrowserWindow, Rectangle } from 'electron';
import { z } from 'zod';
import { createLogger } from '../shared/logger';
import { readJsonFile, writeJsonFile } from './json-file';

const log = createLogger('window-state');

export const minimumWindowSize = { width: 720, height: 480 };
const defaultWindowSize = { width: 1280, height: 820 };

const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(minimumWindowSize.width),
  height: z.number().int().min(minimumWindowSize.height),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

function overlapArea(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

function fitInto(bounds: Rectangle, workArea: Rectangle): Rectangle {
  const width = Math.min(bounds.width, workArea.width);
  const height = Math.min(bounds.height, workArea.height);
  return {
    width,
    height,
    x: clamp(bounds.x, workArea.x, workArea.x + workArea.width - width),
    y: clamp(bounds.y, workArea.y, workArea.y + workArea.height - height),
  };
}

function centredIn(workArea: Rectangle): Rectangle {
  const { width, height } = fitInto({ x: 0, y: 0, ...defaultWindowSize }, workArea);
  return {
    width,
    height,
    x: workArea.x + Math.round((workArea.width - width) / 2),
    y: workArea.y + Math.round((workArea.height - height) / 2),
  };
}

/**
 * Where to open the window: the saved bounds moved and shrunk to lie wholly on the display they
 * overlap most, or the default size centred on the primary display when they overlap none.
 */
export function restoreWindowState(saved: WindowState | null, workAreas: Rectangle[], primary: Rectangle): WindowState {
  if (saved === null) return { ...centredIn(primary), maximized: false };
  const best = workAreas
    .map((workArea) => ({ workArea, overlap: overlapArea(saved, workArea) }))
    .reduce((a, b) => (b.overlap > a.overlap ? b : a), { workArea: primary, overlap: 0 });
  const bounds = best.overlap > 0 ? fitInto(saved, best.workArea) : centredIn(primary);
  return { ...bounds, maximized: saved.maximized };
}

export async function loadWindowState(file: string): Promise<WindowState | null> {
  try {
    return await readJsonFile(file, windowStateSchema);
  } catch (error) {
    log.warn('Ignoring the saved window state:', error);
    return null;
  }
}

/** Saves the window's normal (unmaximized) bounds and whether it was maximized when it closes. */
export function rememberWindowState(appWindow: BrowserWindow, file: string): void {
  appWindow.on('close', () => {
    const state: WindowState = { ...appWindow.getNormalBounds(), maximized: appWindow.isMaximized() };
    try {
      writeJsonFile(file, state);
    } catch (error) {
      log.warn('Could not save the window state:', error);
    }
  });
}
