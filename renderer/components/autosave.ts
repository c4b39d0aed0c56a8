// Autosave is the only save: text is written on input (debounced), and every pending write is
// flushed on blur, when the page is hidden and when the window closes.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { create } from 'zustand';
import { errorMessage } from '../../shared/result';

const AUTOSAVE_DELAY_MS = 200;
/** Continuous typing never pauses, so an edit is written at the latest this long after it began. */
const AUTOSAVE_MAX_WAIT_MS = 300;

type SaveStatus = {
  /** Fields whose latest edit waits for a pause in typing. */
  waiting: number;
  /** Writes started and not yet committed. */
  pending: number;
  lastSavedAt: number | null;
  error: string | null;
};

export const useSaveStatus = create<SaveStatus>(() => ({ waiting: 0, pending: 0, lastSavedAt: null, error: null }));

/** True while something the coach typed is not yet committed to IndexedDB. */
export const holdsUnsavedEdits = ({ waiting, pending }: SaveStatus): boolean => waiting + pending > 0;

const writersWithPendingEdits = new Set<DebouncedWriter<unknown>>();

export function flushAllPendingSaves(): void {
  for (const writer of [...writersWithPendingEdits]) writer.flush();
}

if (typeof window !== 'undefined') {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushAllPendingSaves();
  });
  window.addEventListener('pagehide', flushAllPendingSaves);
  window.addEventListener('beforeunload', flushAllPendingSaves);
}

/** Holds the latest unsaved edit of one field and writes it after a pause in typing. */
export class DebouncedWriter<T> {
  private save: (value: T) => Promise<unknown> = async () => undefined;
  private onSettled: (error: string | null) => void = () => undefined;
  private edit: { value: T } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private unsavedSince: number | null = null;
  private writing = 0;

  constructor(
    private readonly delayMs = AUTOSAVE_DELAY_MS,
    private readonly maxWaitMs = AUTOSAVE_MAX_WAIT_MS,
  ) {}

  /** Points the writer at the component's latest save function and error setter. */
  connect(save: (value: T) => Promise<unknown>, onSettled: (error: string | null) => void): void {
    this.save = save;
    this.onSettled = onSettled;
  }

  /** True while an edit waits for the pause or its write has not finished. */
  get busy(): boolean {
    return this.edit !== null || this.writing > 0;
  }

  change(value: T): void {
    this.edit = { value };
    if (!writersWithPendingEdits.has(this as DebouncedWriter<unknown>)) {
      writersWithPendingEdits.add(this as DebouncedWriter<unknown>);
      useSaveStatus.setState({ waiting: writersWithPendingEdits.size });
    }
    const now = Date.now();
    this.unsavedSince ??= now;
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.min(this.delayMs, this.unsavedSince + this.maxWaitMs - now);
    this.timer = setTimeout(() => this.flush(), Math.max(0, wait));
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.unsavedSince = null;
    const edit = this.edit;
    if (!edit) return;
    this.edit = null;
    writersWithPendingEdits.delete(this as DebouncedWriter<unknown>);
    this.writing += 1;
    useSaveStatus.setState((state) => ({ waiting: writersWithPendingEdits.size, pending: state.pending + 1 }));
    // A save that throws before returning a promise (a parse error) is handled like a refusal.
    new Promise((resolve) => resolve(this.save(edit.value))).then(
      () => this.settle(null),
      (error: unknown) => this.settle(errorMessage(error)),
    );
  }

  private settle(error: string | null): void {
    this.writing -= 1;
    useSaveStatus.setState((state) => ({
      pending: state.pending - 1,
      lastSavedAt: error ? state.lastSavedAt : Date.now(),
      error,
    }));
    this.onSettled(error);
  }
}

/**
 * One text field that saves itself, left uncontrolled: the element holds what the coach types and
 * React does no work per keystroke (a controlled textarea also copies its whole text into
 * `defaultValue` on every key, which grows with the notes). The element takes the stored value
 * only when it changed elsewhere (say by sync) while no edit of ours waits or is being written.
 * A refused write keeps the typed text on screen with its message, so nothing is lost.
 */
export function useAutosavedField<E extends HTMLInputElement | HTMLTextAreaElement>(
  stored: string,
  save: (value: string) => Promise<unknown>,
) {
  const [writer] = useState(() => new DebouncedWriter<string>());
  const [error, setError] = useState<string | null>(null);
  const [initialValue] = useState(stored);
  const ref = useRef<E>(null);

  useEffect(() => writer.connect(save, setError), [writer, save]);
  useEffect(() => () => writer.flush(), [writer]);
  useLayoutEffect(() => {
    const field = ref.current;
    // A record may store the text trimmed: that echo of our own save must not take the space the
    // coach just typed (and glue their next word onto this one).
    if (field && !writer.busy && !error && field.value.trim() !== stored.trim()) field.value = stored;
  }, [stored, writer, error]);

  return {
    ref,
    defaultValue: initialValue,
    error,
    onChange: (event: { currentTarget: { value: string } }) => writer.change(event.currentTarget.value),
    flush: () => writer.flush(),
    /** Puts `value` in the field and saves it, as if typed. */
    replace: (value: string) => {
      if (ref.current) ref.current.value = value;
      writer.change(value);
    },
  };
}
