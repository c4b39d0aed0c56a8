// An address on 127.0.0.1 where nothing listens: the port was just free, and is again.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function closedPortUrl(): Promise<{ url: string; port: number }> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return { url: `http://127.0.0.1:${port}/`, port };
}
