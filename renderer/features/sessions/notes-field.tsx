// The session's free Notes. Coaches paste whole meeting transcripts here; a textarea holding
// megabytes of text costs Chromium hundreds of milliseconds of layout before the session can show
// (2 MB: 630–720 ms against 45 for an ordinary session). So a session that opens with notes that
// long shows their beginning and their size, and lays out the whole text only when the coach asks
// to edit it. Nothing is cut: the stored notes stay whole, and the field, once open, is the usual one.
import { useState } from 'react';
import { AutosaveText } from '../../components/fields';

/** Above this many characters the notes open collapsed: about 60 pages of text. */
const COLLAPSED_NOTES_CHARS = 200_000;
const PREVIEW_CHARS = 1_500;

const placeholder = 'Anything else worth keeping. Private: never synced or shared.';

const sizeOf = (text: string) =>
  text.length >= 1_000_000 ? `${(text.length / 1_000_000).toFixed(1)} million` : text.length.toLocaleString('en');

export function NotesField({ stored, save }: { stored: string; save: (notes: string) => Promise<unknown> }) {
  const [open, setOpen] = useState(() => stored.length <= COLLAPSED_NOTES_CHARS);
  if (open) {
    return <AutosaveText label="Notes" multiline rows={8} placeholder={placeholder} stored={stored} save={save} />;
  }
  return (
    <div className="field collapsed-notes">
      <span className="field-label">Notes</span>
      <p className="notes-preview">{stored.slice(0, PREVIEW_CHARS)}…</p>
      <p className="field-hint">
        {sizeOf(stored)} characters, kept whole. Long notes open on request so the session shows at once.
      </p>
      <button type="button" onClick={() => setOpen(true)}>
        Show and edit all notes
      </button>
    </div>
  );
}
