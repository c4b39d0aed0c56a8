// The one way sync code reaches the network: the platform's httpRequest (the main process's
// net.fetch on desktop, fetch on the web), with the answer checked at the boundary. Connectors
// receive a Transport; nothing in sync calls fetch itself.
import { channels, type ChannelInput, type ChannelOutput, type PlatformApi } from '../../shared/ipc';
import { fail, type Result } from '../../shared/result';

export type HttpRequest = ChannelInput<'httpRequest'>;
export type HttpResponse = ChannelOutput<'httpRequest'>;
export type Transport = (request: HttpRequest) => Promise<Result<HttpResponse>>;

export function createTransport(httpRequest: PlatformApi['httpRequest']): Transport {
  return async (request) => {
    const result = await httpRequest(request);
    if (!result.ok) return result;
    const response = channels.httpRequest.output.safeParse(result.value);
    return response.success ? { ok: true, value: response.data } : fail('The upstream answer could not be read');
  };
}

/** A header by case-insensitive name, as HTTP defines them. */
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.entries(headers).find(([key]) => key.toLowerCase() === wanted)?.[1];
}
