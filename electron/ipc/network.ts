// Network status, reachability checks and HTTP requests to the coach's upstream, made from the
// main process with Chromium's network stack (net.fetch), so proxies and certificates follow the
// system settings. Redirects are answered, not followed (renderer/sync/transport.ts says why).
import { net } from 'electron';
import { errorMessage } from '../../shared/result';
import type { IpcHandlers } from './register';

/**
 * How Electron's net.fetch ends a redirect it is told not to follow, where fetch answers with the
 * redirect itself. Either way the app is told of a redirect, with status 0 as the browser does.
 */
const REDIRECT_NOT_FOLLOWED = 'Redirect was cancelled';

function failureMessage(error: unknown, url: string, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return `${new URL(url).host} did not answer within ${timeoutMs / 1000} s`;
  }
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  return `Could not reach ${new URL(url).host}: ${errorMessage(cause)}`;
}

export function networkHandlers(): Pick<IpcHandlers, 'networkStatus' | 'httpRequest' | 'checkReachable'> {
  return {
    networkStatus: () => ({ online: net.isOnline() }),
    httpRequest: async ({ url, method, headers, body, timeoutMs }) => {
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
      try {
        await net.fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
        return { reachable: true };
      } catch {
        return { reachable: false };
      }
    },
  };
}
