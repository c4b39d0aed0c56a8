// The address field of a webhook or hub, with its own message as soon as it names another
// computer over plain http: the coach learns why before saving, next to what to change.
import { CLEARTEXT_UPSTREAM_MESSAGE, isEncryptedOrLocal } from '../../../shared/upstream-url';

type Props = { id: string; value: string; placeholder: string; onChange: (url: string) => void };

export function UpstreamUrlInput({ id, value, placeholder, onChange }: Props) {
  const problem = isEncryptedOrLocal(value.trim()) ? null : CLEARTEXT_UPSTREAM_MESSAGE;
  return (
    <>
      <input
        dir="auto"
        id={id}
        type="url"
        inputMode="url"
        placeholder={placeholder}
        value={value}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {problem && (
        <p id={`${id}-problem`} className="field-error">
          {problem}
        </p>
      )}
    </>
  );
}
