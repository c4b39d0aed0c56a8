import { memo, useId, useState } from 'react';
import { describeCalendarDate, parseNaturalDate } from '../../shared/natural-date';
import { errorMessage } from '../../shared/result';

type Props = {
  label: string;
  stored: string | null;
  save: (date: string | null) => Promise<unknown>;
  compact?: boolean;
};

/**
 * A date typed the way people say it ("fri", "next week", "4 dec", 2026-12-04), saved when the
 * field is left or Enter is pressed. It shows what it understood, and keeps an entry it cannot
 * read on screen with a message instead of discarding it.
 */
export const DateField = memo(function DateField({ label, stored, save, compact }: Props) {
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const shown = text ?? stored ?? '';
  const parsed = text === null ? null : parseNaturalDate(text);

  const commit = async () => {
    if (!parsed?.ok) return;
    try {
      if (parsed.date !== stored) await save(parsed.date);
      setText(null);
      setSaveError(null);
    } catch (error) {
      setSaveError(errorMessage(error));
    }
  };

  const invalid = Boolean(saveError) || (parsed !== null && !parsed.ok);
  const message = saveError
    ? saveError
    : parsed
      ? parsed.ok
        ? parsed.date
          ? `→ ${describeCalendarDate(parsed.date)}`
          : 'No date'
        : parsed.error
      : stored && !compact
        ? describeCalendarDate(stored)
        : '';

  return (
    <div className={compact ? 'field compact' : 'field'}>
      <label htmlFor={id} className={compact ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        dir="auto"
        id={id}
        value={shown}
        placeholder="fri, next week, 2026-12-04"
        aria-invalid={invalid || undefined}
        aria-describedby={message ? `${id}-hint` : undefined}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void commit();
          if (event.key === 'Escape') setText(null);
        }}
      />
      {message && (
        <p id={`${id}-hint`} className={invalid ? 'field-error' : 'field-hint'} role="status">
          {message}
        </p>
      )}
    </div>
  );
});
