// A command that creates a record runs once per gesture. The second click of a double-click
// carries `detail` 2 and belongs to the first; a call while the command still runs (a click, an
// Enter, a shortcut) is the same request again and joins the one running. Nothing is created twice.
import { useLayoutEffect, useRef, useState, type FormEvent, type MouseEvent } from 'react';

/** The second (or third) click of one double-click. Keyboard activation has `detail` 0. */
export const isRepeatClick = (event: { detail: number }): boolean => event.detail > 1;

/** Wraps `command` so that a call made while it runs joins that run instead of starting another. */
export function oneAtATime<A extends unknown[]>(command: (...args: A) => Promise<unknown>) {
  let running: Promise<void> | null = null;
  return (...args: A): Promise<void> => {
    running ??= (async () => {
      try {
        await command(...args);
      } finally {
        running = null;
      }
    })();
    return running;
  };
}

/** A create command for a button or a form: run once per gesture, with its pending state. */
export function useCommand(command: () => Promise<unknown>) {
  const latest = useRef(command);
  useLayoutEffect(() => {
    latest.current = command;
  });
  const [pending, setPending] = useState(false);
  const [run] = useState(() =>
    oneAtATime(async () => {
      setPending(true);
      try {
        await latest.current();
      } finally {
        setPending(false);
      }
    }),
  );

  return {
    run,
    pending,
    /** For a `type="button"` that runs the command. */
    buttonProps: {
      onClick: (event: MouseEvent) => {
        if (!isRepeatClick(event)) void run();
      },
      'aria-busy': pending || undefined,
    },
    /** For a form whose submit runs the command. */
    onSubmit: (event: FormEvent) => {
      event.preventDefault();
      void run();
    },
    /** For that form's `type="submit"` button: the repeat click of a double-click submits nothing. */
    submitProps: {
      onClick: (event: MouseEvent) => {
        if (isRepeatClick(event)) event.preventDefault();
      },
      'aria-busy': pending || undefined,
    },
  };
}
