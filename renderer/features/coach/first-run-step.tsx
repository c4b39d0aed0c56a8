// The first thing a new coach sees: who they are, so the documents they hand out carry their name.
// Skippable; both answers stay editable in Settings.
import { useId, useRef, useState, type FormEvent } from 'react';
import { finishIntroduction } from './coach-profile';

export function FirstRunStep() {
  const id = useId();
  const nameField = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [nameMissing, setNameMissing] = useState(false);
  const [saving, setSaving] = useState(false);

  const finish = async (profile: Parameters<typeof finishIntroduction>[0]) => {
    setSaving(true);
    try {
      await finishIntroduction(profile);
    } finally {
      setSaving(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameMissing(true);
      nameField.current?.focus();
      return;
    }
    void finish({ name, organisation });
  };

  return (
    <form className="card form-card first-run" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h2 id={`${id}-title`}>About you</h2>
      <p>Welcome to Followthrough. Your name goes on the checklists and summaries you hand to the leaders you coach.</p>
      <div className="field">
        <label htmlFor={`${id}-name`}>Your name</label>
        <input
          dir="auto"
          id={`${id}-name`}
          ref={nameField}
          autoFocus
          autoComplete="name"
          value={name}
          aria-invalid={nameMissing || undefined}
          aria-describedby={nameMissing ? `${id}-name-message` : undefined}
          onChange={(event) => {
            setName(event.target.value);
            setNameMissing(false);
          }}
        />
        {nameMissing && (
          <p id={`${id}-name-message`} className="field-error">
            Type your name, or choose Skip for now.
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-organisation`}>Your organisation</label>
        <input
          dir="auto"
          id={`${id}-organisation`}
          autoComplete="organization"
          value={organisation}
          aria-describedby={`${id}-organisation-hint`}
          onChange={(event) => setOrganisation(event.target.value)}
        />
        <p id={`${id}-organisation-hint`} className="field-hint">
          Optional: your practice or the programme you coach for.
        </p>
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={saving}>
          Continue
        </button>
        <button type="button" disabled={saving} onClick={() => void finish(null)}>
          Skip for now
        </button>
      </div>
      <p className="muted">You can change both later in Settings.</p>
    </form>
  );
}
