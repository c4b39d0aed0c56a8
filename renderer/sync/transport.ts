// The one way sync code reaches the network: the platform's httpRequest (the main process's
// net.fetch on desktop, fetch on the web), with the answer checked at the boundary. Connectors
// receive a Transport; nothing in sync calls fetch itself.
import { channels, type ChannelInput, type ChannelOutput, type PlatformApi } from '../../shared/ipc';
import { fail, type Result } from '../../shared/result';
import { CLEARTEXT_UPSTREAM_MESSAGE, isEncryptedOrLocal } from '../../shared/upstream-url';

export type HttpRequest = ChannelInput<'httpRequest'>;
export type HttpResponse = ChannelOutput<'httpRequest'>;
export type Transport = (request: HttpRequest) => Promise<Result<HttpResponse>>;

export function createTransport(httpRequest: PlatformApi['httpRequest']): Transport {
  return async (request) => {
    // Checked here as well as on save: settings stored before the rule, or restored from a backup.
    if (!isEncryptedOrLocal(request.url)) return fail(CLEARTEXT_UPSTREAM_MESSAGE);
    const result = await httpRequest(request);
    if (!result.ok) return result;
    const response = channels.httpRequest.output.safeParse(result.value);
    return response.success ? { ok: true, value: response.data } : fail('The upstream answer could not be read');
  };
}

/**
 * Sync never follows a redirect: a POST that is redirected arrives as a GET without its body, and
 * the answer to that GET would make the batch look delivered. Status 0 is a redirect the browser
 * does not disclose (an opaque redirect).
 */
/** What the coach is shown of an upstream's answer: its first 300 characters, on one line. */
export function excerpt(answer: string): string {
  const text = answer.replace(/\s+/g, ' ').trim();
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

export const isRedirect = (status: number) => status === 0 || (status >= 300 && status < 400);

export function redirectReason(response: HttpResponse): string {
  const location = headerValue(response.headers, 'location');
  const where = response.status === 0 ? '' : ` (${response.status}${location ? ` to ${location}` : ''})`;
  return `The address redirects elsewhere${where}. Sync does not follow redirects, so that nothing can be lost on the way: put the final address in Sync settings`;
}

/** A header by case-insensitive name, as HTTP defines them. */
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.entries(headers).find(([key]) => key.toLowerCase() === wanted)?.[1];
}
