import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DebouncedWriter,
  flushAllPendingSaves,
  holdsUnsavedEdits,
  useSaveStatus,
} from '../../../renderer/components/autosave';

beforeEach(() => {
  vi.useFakeTimers();
  useSaveStatus.setState({ waiting: 0, pending: 0, refused: 0, lastSavedAt: null, error: null });
});
afterEach(() => {
  vi.useRealTimers();
});

function writerWithLog(delay = 250, maxWait = 300) {
  const saved: string[] = [];
  const writer = new DebouncedWriter<string>(delay, maxWait);
  const settled: (string | null)[] = [];
  writer.connect(
    async (value) => {
      saved.push(value);
    },
    (error) => settled.push(error),
  );
  return { writer, saved, settled };
}

describe('DebouncedWriter', () => {
  it('writes the last value once typing pauses', async () => {
    const { writer, saved } = writerWithLog();
    writer.change('G');
    writer.change('Go');
    await vi.advanceTimersByTimeAsync(249);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual(['Go']);
  });

  it('writes at least every 300 ms while typing never pauses', async () => {
    const { writer, saved } = writerWithLog();
    for (let key = 1; key <= 20; key += 1) {
      writer.change('x'.repeat(key));
      await vi.advanceTimersByTimeAsync(50);
    }
    // 1,000 ms of typing every 50 ms: without the maximum wait nothing would have been written.
    expect(saved.length).toBeGreaterThanOrEqual(3);
    expect(saved.every((value, index) => index === 0 || value.length > saved[index - 1].length)).toBe(true);
  });

  it('flushes pending edits at once when asked (blur, page hidden, window closing)', async () => {
    const { writer, saved } = writerWithLog();
    writer.change('Reality');
    expect(writer.busy).toBe(true);
    flushAllPendingSaves();
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual(['Reality']);
    expect(writer.busy).toBe(false);
    expect(useSaveStatus.getState()).toMatchObject({ pending: 0, error: null });
  });

  it('reports a refused write, including one that throws before returning a promise', async () => {
    const writer = new DebouncedWriter<string>(10, 20);
    const settled: (string | null)[] = [];
    writer.connect(
      (value) => {
        if (value === 'bad') throw new Error('Enter whole minutes');
        return Promise.resolve();
      },
      (error) => settled.push(error),
    );
    writer.change('bad');
    await vi.advanceTimersByTimeAsync(10);
    expect(settled).toEqual(['Enter whole minutes']);
    expect(useSaveStatus.getState().error).toBe('Enter whole minutes');
    writer.change('45');
    await vi.advanceTimersByTimeAsync(10);
    expect(settled).toEqual(['Enter whole minutes', null]);
  });

  it('counts a refused edit as unsaved until a later edit is stored, and hands it on when the field goes', async () => {
    let refuse = true;
    const writer = new DebouncedWriter<string>(10, 20);
    writer.connect(
      async (value) => {
        if (refuse) throw new Error(`Keep it to 2,000 characters (${value.length})`);
      },
      () => undefined,
    );
    writer.change('x'.repeat(10_000));
    await vi.advanceTimersByTimeAsync(20);
    // Nothing waits or is being written, yet the text on screen is not stored: leaving now loses it.
    expect(useSaveStatus.getState()).toMatchObject({ waiting: 0, pending: 0, refused: 1 });
    expect(holdsUnsavedEdits(useSaveStatus.getState())).toBe(true);
    expect(writer.refusedEdit).toBe('x'.repeat(10_000));

    refuse = false;
    writer.change('x'.repeat(2_000));
    await vi.advanceTimersByTimeAsync(20);
    expect(useSaveStatus.getState()).toMatchObject({ refused: 0 });
    expect(holdsUnsavedEdits(useSaveStatus.getState())).toBe(false);
    expect(writer.refusedEdit).toBeNull();

    // The field goes away while showing a refused edit, and while a refused write is under way.
    refuse = true;
    const lost: string[] = [];
    writer.change('y'.repeat(10_000));
    await vi.advanceTimersByTimeAsync(20);
    writer.release((value) => lost.push(value));
    expect(lost).toEqual(['y'.repeat(10_000)]);
    expect(useSaveStatus.getState()).toMatchObject({ refused: 0 });
    writer.change('z'.repeat(10_000));
    writer.release((value) => lost.push(value));
    await vi.advanceTimersByTimeAsync(0);
    expect(lost).toEqual(['y'.repeat(10_000), 'z'.repeat(10_000)]);
    expect(useSaveStatus.getState()).toMatchObject({ pending: 0, waiting: 0, refused: 0 });
  });
});
