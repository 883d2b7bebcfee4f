// The environment bootstrapService was given (tests pass their own instead of process.env), made
// visible to module factories that run inside NestFactory.create, such as the logger's.
import { AsyncLocalStorage } from 'node:async_hooks';

type Env = Record<string, string | undefined>;

const storage = new AsyncLocalStorage<Env>();

export function withBootstrapEnv<T>(env: Env, fn: () => T): T {
  return storage.run(env, fn);
}

export function bootstrapEnv(): Env {
  return storage.getStore() ?? process.env;
}
