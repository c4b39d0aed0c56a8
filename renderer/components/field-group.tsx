// A group of fields that save themselves, in a form of its own that is never submitted. Chrome's
// autofill looks again at every field of the form a keystroke lands in, and takes all the fields
// outside any form as one: on a session page that was every field of the page, each with a style
// and layout update, on every key (about 90 forced layouts per keystroke in Notes).
import type { FormEvent, ReactNode } from 'react';

const neverSubmit = (event: FormEvent) => event.preventDefault();

export function FieldGroup({ children }: { children: ReactNode }) {
  return (
    <form className="field-group" onSubmit={neverSubmit} noValidate>
      {children}
    </form>
  );
}
