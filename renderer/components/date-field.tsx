import { memo, useId, useState, type KeyboardEvent } from 'react';
import { describeCalendarDate, parseNaturalDate, type ParsedDate } from '../../shared/natural-date';
import { errorMessage } from '../../shared/result';

const PLACEHOLDER = 'fri, next week, 2026-12-04';

/** What the field says under itself: what it understood, or why it understood nothing. */
const understood = (parsed: ParsedDate) =>
  parsed.ok ? (parsed.date ? `→ ${describeCalendarDate(parsed.date)}` : 'No date') : parsed.error;

/** The one way a date is typed in the app: the text, and its message next to it. */
function NaturalDateInput(props: {
  id: string;
  label: string;
  compact?: boolean;
  text: string;
  message: string;
  invalid: boolean;
  onText: (text: string) => void;
  onBlur?: () => void;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
}) {
  const { id, label, compact, text, message, invalid, onText, onBlur, onKeyDown } = props;
  return (
    <div className={compact ? 'field compact' : 'field'}>
      <label htmlFor={id} className={compact ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        dir="auto"
        autoComplete="off"
        id={id}
        value={text}
        placeholder={PLACEHOLDER}
        aria-invalid={invalid || undefined}
        aria-describedby={message ? `${id}-hint` : undefined}
        onChange={(event) => onText(event.target.value)}
        onBlur={onBlur}
        onKeyDown={onKeyDown}
      />
      {message && (
        <p id={`${id}-hint`} className={invalid ? 'field-error' : 'field-hint'} role="status">
          {message}
        </p>
      )}
    </div>
  );
}

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

  const message = saveError ?? (parsed ? understood(parsed) : stored && !compact ? describeCalendarDate(stored) : '');
  return (
    <NaturalDateInput
      id={id}
      label={label}
      compact={compact}
      text={text ?? stored ?? ''}
      message={message}
      invalid={Boolean(saveError) || (parsed !== null && !parsed.ok)}
      onText={setText}
      onBlur={() => void commit()}
      onKeyDown={(event) => {
        if (event.key === 'Enter') void commit();
        if (event.key === 'Escape') setText(null);
      }}
    />
  );
});

/** What a form's date field holds: a date, no date (refused when the date is required), or why not. */
export function dateEntry(text: string, required = false): ParsedDate {
  const parsed = parseNaturalDate(text);
  if (required && parsed.ok && parsed.date === null) return { ok: false, error: 'Type a date, e.g. fri or 2026-12-04' };
  return parsed;
}

/**
 * A date in a form that is saved all at once: the form holds the text and reads it with
 * `dateEntry` when submitted, and Enter submits the form. `problem` puts the form's own objection
 * (a date out of order, say) in the field's message, so no second message repeats it elsewhere.
 */
export function FormDateField(props: {
  label: string;
  text: string;
  onText: (text: string) => void;
  required?: boolean;
  problem?: string | null;
}) {
  const { label, text, onText, required, problem } = props;
  const id = useId();
  const entry = dateEntry(text, required);
  return (
    <NaturalDateInput
      id={id}
      label={label}
      text={text}
      message={problem ?? understood(entry)}
      invalid={Boolean(problem) || !entry.ok}
      onText={onText}
    />
  );
}
