// Absolute paths of the .proto files, for the gRPC server and client options of the services and
// the tests. Resolved from this file so they work from source (ts) and from the bundled apps, which
// copy libs/contracts/proto next to main.js (see each app's assets).
import { existsSync } from 'node:fs';
import { join } from 'node:path';

function protoDir(): string {
  const candidates = [join(__dirname, '..', '..', 'proto'), join(__dirname, 'proto')];
  return candidates.find((dir) => existsSync(dir)) ?? candidates[0];
}

export const PROTO_PACKAGES = {
  users: 'obs.users.v1',
  payments: 'obs.payments.v1',
} as const;

export function protoPath(name: keyof typeof PROTO_PACKAGES): string {
  return join(protoDir(), `${name}.proto`);
}
