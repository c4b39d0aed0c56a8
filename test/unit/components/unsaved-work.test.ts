// The renderer tells the platform exactly when it starts and stops holding edits that are not
// committed: from the first key after a save until that save's write has finished, or, for an
// edit that was refused, until a corrected one is stored. It says
// so once at start as well, so a reloaded page clears what the page before it reported.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DebouncedWriter, useSaveStatus } from '../../../renderer/components/autosave';
import { reportUnsavedWork } from '../../../renderer/unsaved-work';
import { ok } from '../../../shared/result';

let stopReporting = () => undefined as void;
beforeEach(() => {
  vi.useFakeTimers();
  useSaveStatus.setState({ waiting: 0, pending: 0, refused: 0, lastSavedAt: null, error: null });
});
afterEach(() => {
  stopReporting();
  vi.useRealTimers();
});

/** The `refused` of each report made since the last reportedTo(). */
let refusedReports: boolean[] = [];

/** The `unsaved` of each report. */
function reportedTo() {
  const reports: boolean[] = [];
  refusedReports = [];
  stopReporting = reportUnsavedWork({
    setUnsavedWork: async (report) => {
      reports.push(report.unsaved);
      refusedReports.push(report.refused);
      return ok(null);
    },
  });
  return reports;
}

/** A writer whose writes commit only when the test says so. */
function writerWithSlowWrites() {
  const commits: (() => void)[] = [];
  const writer = new DebouncedWriter<string>(200, 300);
  writer.connect(
    () => new Promise<void>((resolve) => commits.push(resolve)),
    () => undefined,
  );
  return { writer, commitNext: () => commits.shift()!() };
}

describe('reportUnsavedWork', () => {
  it('says unsaved at the first key and saved only once the write has committed', async () => {
    const reports = reportedTo();
    const { writer, commitNext } = writerWithSlowWrites();
    expect(reports).toEqual([false]);
    writer.change('W');
    expect(reports).toEqual([false, true]);
    writer.change('Wi');
    writer.change('Wil');
    await vi.advanceTimersByTimeAsync(200);
    // The debounce is over and the write started, but it has not committed yet.
    expect(reports).toEqual([false, true]);
    commitNext();
    await vi.advanceTimersByTimeAsync(0);
    expect(reports).toEqual([false, true, false]);
  });

  it('says unsaved at start when an edit already waits', async () => {
    const { writer, commitNext } = writerWithSlowWrites();
    writer.change('Typed before the report began');
    const reports = reportedTo();
    expect(reports).toEqual([true]);
    writer.flush();
    commitNext();
    await vi.advanceTimersByTimeAsync(0);
    expect(reports).toEqual([true, false]);
  });

  it('stays unsaved while a second field waits, after the first one is written', async () => {
    const reports = reportedTo();
    const goal = writerWithSlowWrites();
    const notes = writerWithSlowWrites();
    goal.writer.change('Ship it');
    await vi.advanceTimersByTimeAsync(100);
    notes.writer.change('They said');
    await vi.advanceTimersByTimeAsync(100);
    goal.commitNext();
    await vi.advanceTimersByTimeAsync(0);
    expect(reports).toEqual([false, true]);
    await vi.advanceTimersByTimeAsync(100);
    notes.commitNext();
    await vi.advanceTimersByTimeAsync(0);
    expect(reports).toEqual([false, true, false]);
  });

  it('counts a refused edit as unsaved until a corrected one is stored: leaving would lose it', async () => {
    const reports = reportedTo();
    let refuse = true;
    const writer = new DebouncedWriter<string>(200, 300);
    writer.connect(
      async () => {
        if (refuse) throw new Error('2026-02-30 is not a real date');
      },
      () => undefined,
    );
    writer.change('2026-02-30');
    await vi.advanceTimersByTimeAsync(200);
    // The text stays on screen with its message, and the page still holds it unsaved: refused, so
    // the desktop window asks before closing instead of waiting for a save that will not come.
    expect(reports).toEqual([false, true, true]);
    expect(refusedReports).toEqual([false, false, true]);
    expect(useSaveStatus.getState().error).toBe('2026-02-30 is not a real date');
    refuse = false;
    writer.change('2026-02-28');
    await vi.advanceTimersByTimeAsync(200);
    // Stored: no longer refused, then no longer unsaved once the write has finished.
    expect(reports).toEqual([false, true, true, true, false]);
    expect(refusedReports).toEqual([false, false, true, false, false]);
  });
});
