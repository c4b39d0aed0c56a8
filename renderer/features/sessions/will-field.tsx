import { memo, useId, type KeyboardEvent } from 'react';
import { isLoggedLine, loggedLine, taskLine } from '../../../shared/will-lines';
import { useAutosavedField } from '../../components/autosave';

/** The line of `text` that contains `position`, with where it starts and ends. */
function lineAt(text: string, position: number) {
  const start = text.lastIndexOf('\n', position - 1) + 1;
  const newline = text.indexOf('\n', position);
  const end = newline === -1 ? text.length : newline;
  return { start, end, line: text.slice(start, end) };
}

/**
 * Will: what the leader commits to. A line typed as "- [ ] …" becomes an action when Enter is
 * pressed at its end, and Alt+Enter turns any line into one; the line stays, marked as logged, so
 * the record of the conversation is unchanged.
 */
export const WillField = memo(function WillField({
  stored,
  save,
  onLineToAction,
}: {
  stored: string;
  save: (value: string) => Promise<unknown>;
  onLineToAction: (text: string) => Promise<boolean>;
}) {
  const id = useId();
  const field = useAutosavedField<HTMLTextAreaElement>(stored, save);

  const convert = async (event: KeyboardEvent<HTMLTextAreaElement>, anyLine: boolean) => {
    const area = event.currentTarget;
    const { start, end, line } = lineAt(area.value, area.selectionStart);
    const task = taskLine.exec(line);
    const actionText = task ? task[1] : anyLine ? line.replace(/^\s*-\s*(\[[ xX]?\]\s*)?/, '').trim() : '';
    if (!actionText || isLoggedLine(line)) return;
    event.preventDefault();
    if (!(await onLineToAction(actionText))) return;
    field.replace(
      area.value.slice(0, start) +
        loggedLine(actionText) +
        area.value.slice(end) +
        (end === area.value.length ? '\n' : ''),
    );
  };

  return (
    <div className="field grow-field">
      <label htmlFor={id}>Will</label>
      <textarea
        dir={field.dir}
        autoComplete="off"
        id={id}
        rows={6}
        ref={field.ref}
        defaultValue={field.defaultValue}
        placeholder={'What will you do, and by when?\n- [ ] a line like this becomes an action on Enter'}
        aria-describedby={`${id}-hint`}
        aria-invalid={field.error ? true : undefined}
        onChange={field.onChange}
        onBlur={field.flush}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          if (event.altKey) void convert(event, true);
          else if (taskLine.test(lineAt(event.currentTarget.value, event.currentTarget.selectionStart).line)) {
            void convert(event, false);
          }
        }}
      />
      <p id={`${id}-hint`} className={field.error ? 'field-error' : 'field-hint'}>
        {field.error ?? 'Start a line with “- [ ]” or press Alt+Enter on a line to log it as an action.'}
      </p>
    </div>
  );
});
