// Shown instead of the app when the notes' key cannot be opened (the keychain was reset, or the
// record of where the key is kept is damaged): every screen would fail to read, so the coach is
// told why, once, and that nothing was changed.
export function KeyLostScreen({ reason }: { reason: string }) {
  return (
    <main className="lock-screen">
      <section className="lock-card" role="alertdialog" aria-labelledby="key-lost-title">
        <span className="brand-mark lock-mark" aria-hidden="true">
          F
        </span>
        <h1 id="key-lost-title">Followthrough cannot open your notes</h1>
        <p className="notice warn">{reason}</p>
        <p className="muted">
          Your notes are still on this computer, encrypted, and nothing was changed. If the system keychain was reset,
          restoring it brings them back; otherwise restore a backup with its recovery key or passphrase on a fresh
          profile.
        </p>
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          Try again
        </button>
      </section>
    </main>
  );
}
