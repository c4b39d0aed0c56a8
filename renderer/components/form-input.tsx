// A labelled input whose value its form holds until the form is submitted (the fields that save
// themselves as the coach types are in fields.tsx).
import { useId, type InputHTMLAttributes } from 'react';

type FormInputProps = {
  label: string;
  value: string;
  onValue: (value: string) => void;
  /** What is wrong with the entry, shown under it as it is typed. */
  problem?: string | null;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'>;

/** Text reads in its own direction; dates and numbers keep the layout's. */
export function FormInput({ label, value, onValue, problem = null, type = 'text', ...attributes }: FormInputProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        dir={type === 'text' ? 'auto' : undefined}
        autoComplete="off"
        id={id}
        type={type}
        value={value}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(event) => onValue(event.target.value)}
        {...attributes}
      />
      {problem && (
        <p id={`${id}-problem`} className="field-error">
          {problem}
        </p>
      )}
    </div>
  );
}

/** Moves the focus to the first field of `form` that says its entry is wrong. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
