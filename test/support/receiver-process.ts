// The webhook receiver in a process of its own, as an upstream is: benchmarks start it so its work
// does not share the event loop with the app code they measure. It prints {"url"} once listening;
// each "reset" line on stdin empties it and is answered with "reset"; it exits when stdin closes.
import { createInterface } from 'node:readline';
import { startWebhookReceiver } from './webhook-receiver';

const receiver = await startWebhookReceiver({
  secret: process.env.RECEIVER_SECRET ?? '',
  cors: process.env.RECEIVER_CORS === '1',
  latencyMs: Number(process.env.RECEIVER_LATENCY_MS ?? 0),
});
process.stdout.write(`${JSON.stringify({ url: receiver.url })}\n`);
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line.trim() !== 'reset') return;
  receiver.reset();
  process.stdout.write('reset\n');
});
lines.on('close', () => void receiver.close().then(() => process.exit(0)));
