// The follow-up mail draft at the Electron edge: validated like every channel, written to the
// drafts folder under a plain name, handed to the system's mail app (faked: no Electron binary).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { invokeHandler } from '../../../electron/ipc/register';
import { mailDraftHandlers } from '../../../electron/ipc/mail-draft';
import { invokeEventFrom } from './fake-electron';
import { useTempFolder } from './temp-folder';

vi.mock('electron', () => import('./fake-electron'));

const fromApp = invokeEventFrom('app://followthrough/index.html#/sessions/1') as never;
const draft = new TextEncoder().encode('X-Unsent: 1\r\nSubject: Next steps\r\n\r\nHi');
const temp = useTempFolder('mail-drafts');

describe('opening a mail draft on desktop', () => {
  it('writes the draft under a plain name and opens it with the default mail app', async () => {
    const openPath = vi.fn(async () => '');
    const folder = join(temp.path, 'drafts');
    const { openMailDraft } = mailDraftHandlers({ folder, openPath });
    const result = await invokeHandler('openMailDraft', openMailDraft, fromApp, {
      fileName: '../2026-12-08 Amara: Okafor - Follow-up.eml',
      data: draft,
    });
    const path = join(folder, '-2026-12-08 Amara- Okafor - Follow-up.eml');
    expect(result).toEqual({ ok: true, value: { path } });
    expect(openPath).toHaveBeenCalledWith(path);
    expect(new Uint8Array(await readFile(path))).toEqual(draft);
  });

  it('says where the draft is when no mail app opens it', async () => {
    const { openMailDraft } = mailDraftHandlers({ folder: temp.path, openPath: async () => 'No application' });
    const result = await invokeHandler('openMailDraft', openMailDraft, fromApp, {
      fileName: 'Follow-up.eml',
      data: draft,
    });
    expect(!result.ok && result.error).toBe(
      `The draft was saved as ${join(temp.path, 'Follow-up.eml')} but no mail app opened it: No application`,
    );
  });

  it('refuses anything but an .eml file', async () => {
    const openPath = vi.fn(async () => '');
    const { openMailDraft } = mailDraftHandlers({ folder: temp.path, openPath });
    const result = await invokeHandler('openMailDraft', openMailDraft, fromApp, { fileName: 'run.sh', data: draft });
    expect(!result.ok && result.error).toMatch(/A mail draft is an \.eml file/);
    expect(openPath).not.toHaveBeenCalled();
  });
});
