// Form fields that save themselves. Each shows its own inline message when a value is refused,
// and keeps what the coach typed on screen so nothing is lost.
import { memo, useId, type KeyboardEvent, type ReactNode } from 'react';
import { useAutosavedField } from './autosave';

type TextProps = {
  label: string;
  stored: string;
  save: (value: string) => Promise<unknown>;
  multiline?: boolean;
  placeholder?: string;
  hint?: string;
  rows?: number;
  /** Inside a table row: the label is for screen readers only. */
  compact?: boolean;
  /** One line of data that wraps to show all of itself in a narrow column; Enter saves it. */
  wrap?: boolean;
  autoFocus?: boolean;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
};

/** Memoised: a screen that re-reads its record on every autosave re-renders only changed fields,
 * so pass a stable `save`. */
export const AutosaveText = memo(function AutosaveText(props: TextProps) {
  const { label, stored, save, multiline, wrap, placeholder, hint, rows = 4, compact, onKeyDown, autoFocus } = props;
  const id = useId();
  // One field, rendered as a textarea or an input: its ref fits either element.
  const field = useAutosavedField<HTMLTextAreaElement & HTMLInputElement>(stored, save);
  const { error } = field;
  const common = {
    id,
    ref: field.ref,
    defaultValue: field.defaultValue,
    onChange: field.onChange,
    onBlur: field.flush,
    placeholder,
    onKeyDown: (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      // Enter in a one-line field saves it now; in a text area it is a new line.
      if (event.key === 'Enter' && !multiline) field.flush();
      onKeyDown?.(event);
    },
    autoFocus,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error || hint ? `${id}-message` : undefined,
  };
  return (
    <div className={compact ? 'field compact' : 'field'}>
      <label htmlFor={id} className={compact ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {multiline ? (
        <textarea dir={field.dir} autoComplete="off" {...common} rows={rows} />
      ) : wrap ? (
        <textarea
          dir={field.dir}
          autoComplete="off"
          {...common}
          rows={1}
          aria-multiline="false"
          className="wrapping-line"
          onKeyDown={(event) => {
            // A line, not a paragraph: Enter saves instead of starting a second line.
            if (event.key === 'Enter') {
              event.preventDefault();
              field.flush();
            }
            onKeyDown?.(event);
          }}
        />
      ) : (
        <input dir={field.dir} autoComplete="off" {...common} />
      )}
      {(error || hint) && (
        <p id={`${id}-message`} className={error ? 'field-error' : 'field-hint'}>
          {error ?? hint}
        </p>
      )}
    </div>
  );
});

type SelectProps<T extends string> = {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  save: (value: T) => Promise<unknown>;
};

export function SelectField<T extends string>({ label, value, options, save }: SelectProps<T>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => void save(event.target.value as T)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A checkbox with its words beside it, the whole line a target; `className` lays the line out. */
export function CheckField({
  checked,
  onChange,
  children,
  className = 'check',
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
  className?: string;
}) {
  return (
    <label className={className}>
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {children}
    </label>
  );
}
