import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../../scripts/static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startStaticServer();
  project.provide('appUrl', server.url);
  return () => server.close();
}
