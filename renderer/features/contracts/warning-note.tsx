// A live warning under the thing it is about. Warnings never block a save; they say what to fix.
import type { FieldWarning } from '../../../shared/contract-rules';

export function messagesFor<F extends string>(warnings: readonly FieldWarning<F>[], field: F): string[] {
  return warnings.filter((warning) => warning.field === field).map((warning) => warning.message);
}

export function WarningNotes({ messages, id }: { messages: readonly string[]; id?: string }) {
  if (messages.length === 0) return null;
  return (
    <ul className="warning-notes" id={id} role="note">
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}
