// Closing the window while the renderer holds unsaved edits hides it at once and destroys it once
// they are saved; a quit under way goes on afterwards. When waiting cannot save them (the wait ran
// out, or the app refused an edit) the coach is asked, and staying keeps the window.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_WAIT_MS, guardClose, UnsavedWork, unsavedWorkHandlers } from '../../../electron/close-guard';
import { invokeHandler } from '../../../electron/ipc/register';
import { app, BrowserWindow, invokeEventFrom, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(() => {
  resetFakeElectron();
  vi.useRealTimers();
});

function guardedWindow(answer: 'close anyway' | 'stay' = 'stay') {
  const work = new UnsavedWork();
  const appWindow = new BrowserWindow({});
  const ask = vi.fn(async () => answer === 'close anyway');
  guardClose(appWindow as never, work, CLOSE_WAIT_MS, ask);
  const close = () => {
    const event = { preventDefault: vi.fn() };
    appWindow.emit('close', event);
    return event;
  };
  return { work, appWindow, close, ask };
}

describe('guardClose', () => {
  it('lets the window close at once when nothing is unsaved', () => {
    const { appWindow, close } = guardedWindow();
    expect(close().preventDefault).not.toHaveBeenCalled();
    expect(appWindow.hide).not.toHaveBeenCalled();
  });

  it('hides the window at once and destroys it only when the renderer reports its edits saved', async () => {
    vi.useFakeTimers();
    const { work, appWindow, close } = guardedWindow();
    work.report(true);
    expect(close().preventDefault).toHaveBeenCalledOnce();
    expect(appWindow.hide).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(CLOSE_WAIT_MS - 1);
    expect(appWindow.destroy).not.toHaveBeenCalled();

    // A second close while waiting (the coach clicks again) changes nothing.
    expect(close().preventDefault).toHaveBeenCalledOnce();
    work.report(false);
    await vi.waitFor(() => expect(appWindow.destroy).toHaveBeenCalledOnce());
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('after the longest wait with nothing saved, shows the window again and asks; closing anyway closes', async () => {
    vi.useFakeTimers();
    const { work, appWindow, close, ask } = guardedWindow('close anyway');
    work.report(true);
    close();
    await vi.advanceTimersByTimeAsync(CLOSE_WAIT_MS - 1);
    expect(ask).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(appWindow.show).toHaveBeenCalledOnce();
    expect(ask).toHaveBeenCalledOnce();
    expect(appWindow.destroy).toHaveBeenCalledOnce();
  });

  it('with a refused edit on screen, asks at once without hiding it; staying keeps the window and its text', async () => {
    const { work, appWindow, close, ask } = guardedWindow('stay');
    work.report(true, true);
    app.emit('before-quit');
    expect(close().preventDefault).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(ask).toHaveBeenCalledOnce());
    expect(appWindow.hide).not.toHaveBeenCalled();
    expect(appWindow.destroy).not.toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();

    // Asked again at the next close; once the text is corrected and stored, the window just closes.
    close();
    await vi.waitFor(() => expect(ask).toHaveBeenCalledTimes(2));
    work.report(false);
    expect(close().preventDefault).not.toHaveBeenCalled();
  });

  it('asks for the quit again once saved, since preventing the close cancelled it', async () => {
    const { work, appWindow, close } = guardedWindow();
    work.report(true);
    app.emit('before-quit');
    close();
    work.report(false);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());
    expect(appWindow.destroy).toHaveBeenCalledOnce();
    expect(app.listenerCount('before-quit')).toBe(0);
  });
});

describe('the unsaved-work channel', () => {
  const fromApp = invokeEventFrom('app://followthrough/index.html#/sessions/1') as never;

  it('records what the app window reports', async () => {
    const work = new UnsavedWork();
    const { setUnsavedWork } = unsavedWorkHandlers(work);
    await expect(
      invokeHandler('setUnsavedWork', setUnsavedWork, fromApp, { unsaved: true, refused: false }),
    ).resolves.toEqual({
      ok: true,
      value: null,
    });
    expect(work.pending).toBe(true);
    await invokeHandler('setUnsavedWork', setUnsavedWork, fromApp, { unsaved: false, refused: false });
    expect(work.pending).toBe(false);
  });

  it('refuses a malformed report and a report from another page, and changes nothing', async () => {
    const work = new UnsavedWork();
    const { setUnsavedWork } = unsavedWorkHandlers(work);
    const malformed = await invokeHandler('setUnsavedWork', setUnsavedWork, fromApp, { unsaved: 'yes' });
    expect(malformed).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Invalid request to window:unsaved-work/),
    });
    const foreign = invokeEventFrom('https://evil.example/') as never;
    const refused = await invokeHandler('setUnsavedWork', setUnsavedWork, foreign, { unsaved: true, refused: false });
    expect(refused.ok).toBe(false);
    expect(work.pending).toBe(false);
  });
});
