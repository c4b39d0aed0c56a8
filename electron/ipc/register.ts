// The one way a main-process handler is reached from the renderer. Every call is checked in the
// same order: the sender must be the main frame of a page from our app:// origin, the argument
// must match the channel's schema, and the answer must match it too. Whatever happens, the
// renderer receives a Result, never a rejected promise.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { channels, type ChannelKey, type ChannelOutput } from '../../shared/ipc';
import { createLogger } from '../../shared/logger';
import { errorMessage, fail, ok, type Result } from '../../shared/result';
import { isAppUrl } from '../url-check';

const log = createLogger('ipc');

type ParsedInput<K extends ChannelKey> = z.output<(typeof channels)[K]['input']>;

/** A handler throws an Error whose message the coach can act on; the helper turns it into a Result. */
type IpcHandler<K extends ChannelKey> = (
  input: ParsedInput<K>,
  event: IpcMainInvokeEvent,
) => ChannelOutput<K> | Promise<ChannelOutput<K>>;

export type IpcHandlers = { [K in ChannelKey]: IpcHandler<K> };

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'argument'}: ${issue.message}`).join('; ');
}

export async function invokeHandler<K extends ChannelKey>(
  key: K,
  handler: IpcHandler<K>,
  event: IpcMainInvokeEvent,
  argument: unknown,
): Promise<Result<ChannelOutput<K>>> {
  const { channel, input, output } = channels[key];
  if (!isTrustedSender(event)) {
    log.warn(`Refused ${channel} from`, event.senderFrame?.url ?? 'a closed frame');
    return fail(`${channel} is only available to the Followthrough window`);
  }
  const parsedInput = input.safeParse(argument);
  if (!parsedInput.success) return fail(`Invalid request to ${channel}: ${describeIssues(parsedInput.error)}`);
  let answer: unknown;
  try {
    answer = await handler(parsedInput.data as ParsedInput<K>, event);
  } catch (error) {
    log.error(`${channel} failed:`, error);
    return fail(errorMessage(error));
  }
  const parsedOutput = output.safeParse(answer);
  if (!parsedOutput.success) {
    log.error(`${channel} produced an invalid answer:`, describeIssues(parsedOutput.error));
    return fail(`${channel} produced an invalid answer; please report this`);
  }
  return ok(parsedOutput.data as ChannelOutput<K>);
}

export function registerHandlers(handlers: IpcHandlers): void {
  for (const key of Object.keys(channels) as ChannelKey[]) {
    const handler = handlers[key] as IpcHandler<ChannelKey>;
    ipcMain.handle(channels[key].channel, (event, argument) => invokeHandler(key, handler, event, argument));
  }
}
