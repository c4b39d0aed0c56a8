// Settings → App lock says plainly what protects the notes on this computer: who can open them,
// and what a passcode adds. The wording follows README's threat model.
import type { Protection } from '../../db/encryption/data-protection';
import { useDesktop } from '../../platform/use-desktop';
import { useNotesProtection } from './notes-key';

function describe(protection: Protection, desktop: boolean): { text: string; warn: boolean } {
  switch (protection.state) {
    case 'open':
      if (protection.by === 'passcode') {
        return {
          text: 'Your notes are encrypted on disk and only your passcode opens them: while Followthrough is locked, nothing on this computer can read them, not even a copy of its files.',
          warn: false,
        };
      }
      return desktop
        ? {
            text: 'Your notes are encrypted on disk. Their key is kept by this computer’s keychain, so a copy of the files or a stolen disk shows nothing, but anyone who can sign in to your account here can open Followthrough. Set a passcode so that only you can.',
            warn: false,
          }
        : {
            text: 'Your notes are encrypted in this browser’s storage, but their key is kept by the browser in the same profile: this hides them from a look at the files, not from someone who copies the whole browser profile or uses this browser. Set a passcode so that only you can open them.',
            warn: true,
          };
    case 'waiting-for-passcode':
      return { text: 'Your notes are encrypted and only your passcode opens them.', warn: false };
    case 'unprotected':
      return {
        text: `Your notes are not encrypted on this computer: ${protection.reason}. Set a passcode to encrypt them.`,
        warn: true,
      };
    case 'key-lost':
      return { text: protection.reason, warn: true };
  }
}

export function NotesProtectionNotice() {
  const protection = useNotesProtection((state) => state.protection);
  const desktop = useDesktop();
  if (!protection) return null;
  const { text, warn } = describe(protection, desktop);
  return (
    <p className={warn ? 'notice warn' : 'notice'} role="note" aria-label="Encryption">
      {text}
    </p>
  );
}
