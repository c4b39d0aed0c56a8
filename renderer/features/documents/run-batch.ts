// Runs a batch export in a Web Worker, so a hundred sessions never freeze the screen; where no
// worker can start (tests, an old runtime) it runs here, yielding between sessions.
import { fail, type Result } from '../../../shared/result';
import type { BatchProgress, BatchRequest } from '../../documents/batch';
import type { BatchMessage } from './batch-worker';

async function runHere(
  request: BatchRequest,
  onProgress?: BatchProgress,
  signal?: AbortSignal,
): Promise<Result<Uint8Array>> {
  const { buildSessionBatch } = await import('../../documents/batch');
  return buildSessionBatch(request, onProgress, signal);
}

export function runBatch(
  request: BatchRequest,
  onProgress?: BatchProgress,
  signal?: AbortSignal,
): Promise<Result<Uint8Array>> {
  if (typeof Worker === 'undefined') return runHere(request, onProgress, signal);
  const worker = new Worker(new URL('./batch-worker.ts', import.meta.url), { type: 'module', name: 'batch-export' });
  return new Promise((resolve) => {
    const finish = (result: Result<Uint8Array>) => {
      worker.terminate();
      resolve(result);
    };
    signal?.addEventListener('abort', () => finish(fail('The export was cancelled.')), { once: true });
    worker.onmessage = (event: MessageEvent<BatchMessage>) => {
      if (event.data.type === 'progress') onProgress?.(event.data.done, event.data.total);
      else finish(event.data.result);
    };
    worker.onerror = (event) => finish(fail(`The export stopped: ${event.message || 'the background worker failed'}.`));
    worker.postMessage(request);
  });
}
