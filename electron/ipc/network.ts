// Network status, reachability checks and HTTP requests to the coach's upstream, made from the
// main process with Chromium's network stack (net.fetch), so proxies and certificates follow the
// system settings. Redirects are answered, not followed (renderer/sync/transport.ts says why).
//
// Only the upstream the coach saved in Sync settings is reached: the page could otherwise have the
// main process fetch any host (the intranet, link-local addresses) without CORS, or probe ports.
// The main process cannot read the settings (they live in the page's database), so the settings'
// save names the upstream through allowUpstream, and a new one takes effect only once the coach
// confirms it in a dialog the page cannot answer; it is kept in a file, for the next start.
import { BrowserWindow, dialog, net, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { errorMessage } from '../../shared/result';
import { readJsonFile, writeJsonFile } from '../json-file';
import type { IpcHandlers } from './register';

/**
 * How Electron's net.fetch ends a redirect it is told not to follow, where fetch answers with the
 * redirect itself. Either way the app is told of a redirect, with status 0 as the browser does.
 */
const REDIRECT_NOT_FOLLOWED = 'Redirect was cancelled';

const upstreamFileSchema = z.object({ origin: z.string().nullable() });

type ConfirmUpstream = (origin: string, event: IpcMainInvokeEvent) => Promise<boolean>;

export type NetworkOptions = {
  /** Where the upstream the coach confirmed is kept. */
  upstreamFile: string;
  confirm?: ConfirmUpstream;
};

function failureMessage(error: unknown, url: string, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return `${new URL(url).host} did not answer within ${timeoutMs / 1000} s`;
  }
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  return `Could not reach ${new URL(url).host}: ${errorMessage(cause)}`;
}

/** The coach's answer in a native dialog, in front of the window that asked. */
const askCoach: ConfirmUpstream = async (origin, event) => {
  const options = {
    type: 'question' as const,
    buttons: ['Allow', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: `Send your actions to ${new URL(origin).host}?`,
    detail:
      `Followthrough connects only to the address saved in Sync settings: ${origin}. ` +
      'Allow it only if it is the address your organisation gave you.',
  };
  const window = BrowserWindow.fromWebContents(event.sender);
  const { response } = await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
  return response === 0;
};

function upstreamGate({ upstreamFile, confirm = askCoach }: NetworkOptions) {
  let saved: Promise<string | null> | null = null;
  const current = () =>
    (saved ??= readJsonFile(upstreamFile, upstreamFileSchema).then(
      (file) => file?.origin ?? null,
      // A damaged file allows nothing; the next save of Sync settings writes it again.
      () => null,
    ));
  const remember = (origin: string | null) => {
    writeJsonFile(upstreamFile, { origin });
    saved = Promise.resolve(origin);
  };
  return {
    /** Throws the message the coach sees unless `url` is on the upstream they confirmed. */
    async check(url: string): Promise<void> {
      const origin = await current();
      if (new URL(url).origin === origin) return;
      throw new Error(
        `Followthrough connects only to the address saved in Sync settings${origin ? ` (${origin})` : ''}, ` +
          `not to ${new URL(url).host}: save Sync settings to connect there.`,
      );
    },
    async allow(url: string | null, event: IpcMainInvokeEvent): Promise<boolean> {
      const origin = url === null ? null : new URL(url).origin;
      if (origin === (await current())) return true;
      // Allowing nothing needs no one's word; a new address needs the coach's.
      if (origin !== null && !(await confirm(origin, event))) return false;
      remember(origin);
      return true;
    },
  };
}

export function networkHandlers(
  options: NetworkOptions,
): Pick<IpcHandlers, 'networkStatus' | 'httpRequest' | 'checkReachable' | 'allowUpstream'> {
  const upstream = upstreamGate(options);
  return {
    networkStatus: () => ({ online: net.isOnline() }),
    httpRequest: async ({ url, method, headers, body, timeoutMs }) => {
      await upstream.check(url);
      try {
        const response = await net.fetch(url, {
          method,
          headers,
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        return {
          status: response.status,
          headers: Object.fromEntries(response.headers.entries()),
          body: await response.text(),
        };
      } catch (error) {
        if (error instanceof Error && error.message === REDIRECT_NOT_FOLLOWED)
          return { status: 0, headers: {}, body: '' };
        throw new Error(failureMessage(error, url, timeoutMs), { cause: error });
      }
    },
    checkReachable: async ({ url, timeoutMs }) => {
      await upstream.check(url);
      try {
        await net.fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
        return { reachable: true };
      } catch {
        return { reachable: false };
      }
    },
    allowUpstream: async ({ url }, event) => ({ allowed: await upstream.allow(url, event) }),
  };
}
