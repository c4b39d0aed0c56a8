// The address field of a webhook or hub, with its own message as soon as it names another
// computer over plain http: the coach learns why before saving, next to what to change.
import { CLEARTEXT_UPSTREAM_MESSAGE, isEncryptedOrLocal } from '../../../shared/upstream-url';
import { FormInput } from '../../components/form-input';

type Props = { label: string; value: string; placeholder: string; onValue: (url: string) => void };

export function UpstreamUrlField({ label, value, placeholder, onValue }: Props) {
  return (
    <FormInput
      label={label}
      dir="auto"
      type="url"
      inputMode="url"
      placeholder={placeholder}
      value={value}
      onValue={onValue}
      problem={isEncryptedOrLocal(value.trim()) ? null : CLEARTEXT_UPSTREAM_MESSAGE}
    />
  );
}
