// Autosave is the only save: text is written on input (debounced), and every pending write is
// flushed on blur, when the page is hidden and when the window closes.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { create } from 'zustand';
import { errorMessage } from '../../shared/result';
import { textDirection } from '../../shared/text-direction';
import { showToast } from './toasts';

const AUTOSAVE_DELAY_MS = 200;
/** Continuous typing never pauses, so an edit is written at the latest this long after it began. */
const AUTOSAVE_MAX_WAIT_MS = 300;

export type SaveStatus = {
  /** Fields whose latest edit waits for a pause in typing. */
  waiting: number;
  /** Writes started and not yet committed. */
  pending: number;
  /** Fields showing an edit that was refused (too long, say) and not replaced since: it is on
   * screen only, so leaving loses it. */
  refused: number;
  lastSavedAt: number | null;
  error: string | null;
};

export const useSaveStatus = create<SaveStatus>(() => ({
  waiting: 0,
  pending: 0,
  refused: 0,
  lastSavedAt: null,
  error: null,
}));

/** True while something the coach typed is not committed to IndexedDB: not yet, or refused. */
export const holdsUnsavedEdits = ({ waiting, pending, refused }: SaveStatus): boolean =>
  waiting + pending + refused > 0;

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
  private refused: { value: T; error: string } | null = null;
  /** Set once the field is gone: a refusal then goes here instead of staying on screen. */
  private onLost: ((value: T, error: string) => void) | null = null;

  constructor(
    private readonly delayMs = AUTOSAVE_DELAY_MS,
    private readonly maxWaitMs = AUTOSAVE_MAX_WAIT_MS,
  ) {}

  /** Points the writer at the component's latest save function and error setter. */
  connect(save: (value: T) => Promise<unknown>, onSettled: (error: string | null) => void): void {
    this.save = save;
    this.onSettled = onSettled;
    // Mounted (again, as React's strict mode does): refusals stay on screen.
    this.onLost = null;
  }

  /** True while an edit waits for the pause or its write has not finished. */
  get busy(): boolean {
    return this.edit !== null || this.writing > 0;
  }

  /** The last edit, when it was refused and nothing newer has been stored since. */
  get refusedEdit(): T | null {
    return this.refused ? this.refused.value : null;
  }

  /**
   * The field is going away: writes what waits, and hands `onLost` the edit that was refused, now
   * or when a write still under way is refused, so the coach is told instead of it vanishing.
   */
  release(onLost: (value: T, error: string) => void): void {
    this.flush();
    this.onLost = onLost;
    const refused = this.refused;
    this.markRefused(null);
    if (refused) onLost(refused.value, refused.error);
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
      () => this.settle(edit, null),
      (error: unknown) => this.settle(edit, errorMessage(error)),
    );
  }

  private markRefused(refused: { value: T; error: string } | null): void {
    const change = Number(refused !== null) - Number(this.refused !== null);
    this.refused = refused;
    if (change !== 0) useSaveStatus.setState((state) => ({ refused: state.refused + change }));
  }

  private settle(edit: { value: T }, error: string | null): void {
    if (error !== null && this.onLost) this.onLost(edit.value, error);
    // Only the newest edit decides: an older write settling late says nothing about what is on screen.
    else if (this.edit === null && (this.writing === 1 || error === null)) {
      this.markRefused(error === null ? null : { value: edit.value, error });
    }
    this.writing -= 1;
    useSaveStatus.setState((state) => ({
      pending: state.pending - 1,
      lastSavedAt: error ? state.lastSavedAt : Date.now(),
      error,
    }));
    this.onSettled(error);
  }
}

/** A refused edit whose field has gone (the coach moved on): say so, and keep the text at hand. */
function sayNotSaved(text: string, error: string): void {
  const opening = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  showToast({
    message: `Not saved: “${opening}”. ${error}`,
    actionLabel: 'Copy the text',
    onAction: () =>
      void navigator.clipboard
        .writeText(text)
        .then(() => showToast({ message: 'The text is on the clipboard.' }))
        .catch((cause: unknown) => showToast({ message: `The text could not be copied: ${errorMessage(cause)}` })),
  });
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
  useEffect(() => () => writer.release(sayNotSaved), [writer]);
  /** The field's direction follows its text, set here rather than by dir="auto" (see text-direction). */
  const showText = (field: HTMLInputElement | HTMLTextAreaElement, text: string) => {
    const direction = textDirection(text);
    if (field.dir !== direction) field.dir = direction;
  };
  useLayoutEffect(() => {
    const field = ref.current;
    // A record may store the text trimmed: that echo of our own save must not take the space the
    // coach just typed (and glue their next word onto this one).
    if (field && !writer.busy && !error && field.value.trim() !== stored.trim()) {
      field.value = stored;
      showText(field, stored);
    }
  }, [stored, writer, error]);

  return {
    ref,
    defaultValue: initialValue,
    /** The direction of the text the field opens with; it then follows what is typed. */
    dir: textDirection(initialValue),
    error,
    onChange: (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
      showText(event.currentTarget, event.currentTarget.value);
      writer.change(event.currentTarget.value);
    },
    flush: () => writer.flush(),
    /** Puts `value` in the field and saves it, as if typed. */
    replace: (value: string) => {
      if (ref.current) {
        ref.current.value = value;
        showText(ref.current, value);
      }
      writer.change(value);
    },
  };
}
