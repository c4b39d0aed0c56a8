// The Web Worker that builds batch exports off the main thread.
import type { Result } from '../../../shared/result';
import { buildSessionBatch, type BatchRequest } from '../../documents/batch';

export type BatchMessage =
  { type: 'progress'; done: number; total: number } | { type: 'done'; result: Result<Uint8Array> };

const post = (message: BatchMessage, transfer: Transferable[] = []) => self.postMessage(message, { transfer });

self.onmessage = async (event: MessageEvent<BatchRequest>) => {
  const result = await buildSessionBatch(event.data, (done, total) => post({ type: 'progress', done, total }));
  post({ type: 'done', result }, result.ok ? [result.value.buffer] : []);
};
