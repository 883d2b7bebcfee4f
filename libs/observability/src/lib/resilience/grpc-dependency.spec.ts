// The policy in front of a real @grpc/grpc-js server and client on loopback: real ServiceErrors,
// a real refused connection and a real cancellation reaching the server.
import * as grpc from '@grpc/grpc-js';
import { freePort, waitFor } from '@obs/testing';
import { Registry } from 'prom-client';
import { ResilienceRegistry } from './resilience-registry';
import { captureLogs, scrapeSample, testOptions } from './resilience.spec-helpers';

interface LookupRequest {
  id: string;
}
interface LookupReply {
  name: string;
}

const json = {
  serialize: (value: unknown) => Buffer.from(JSON.stringify(value)),
  deserialize: (buffer: Buffer) => JSON.parse(buffer.toString()),
};
const definition: grpc.ServiceDefinition = {
  lookup: {
    path: '/test.Users/Lookup',
    requestStream: false,
    responseStream: false,
    requestSerialize: json.serialize,
    requestDeserialize: json.deserialize,
    responseSerialize: json.serialize,
    responseDeserialize: json.deserialize,
    originalName: 'lookup',
  },
};
type UsersClient = grpc.Client & {
  lookup(
    request: LookupRequest,
    callback: (error: grpc.ServiceError | null, reply?: LookupReply) => void,
  ): grpc.ClientUnaryCall;
};
const UsersClient = grpc.makeGenericClientConstructor(definition, 'Users') as unknown as new (
  address: string,
  credentials: grpc.ChannelCredentials,
) => UsersClient;

/** The caller side: a unary call that cancels itself when the policy's signal aborts. */
function lookup(client: UsersClient, id: string, signal: AbortSignal): Promise<LookupReply> {
  return new Promise((resolve, reject) => {
    const call = client.lookup({ id }, (error, reply) =>
      error ? reject(error) : resolve(reply as LookupReply),
    );
    signal.addEventListener('abort', () => call.cancel(), { once: true });
  });
}

describe('a policy in front of a gRPC dependency', () => {
  const server = new grpc.Server();
  const cancelledOnServer: string[] = [];
  let client: UsersClient;

  beforeAll(async () => {
    server.addService(definition, {
      lookup: (
        call: grpc.ServerUnaryCall<LookupRequest, LookupReply>,
        callback: grpc.sendUnaryData<LookupReply>,
      ) => {
        if (call.request.id === 'slow') {
          call.on('cancelled', () => cancelledOnServer.push(call.request.id));
          return;
        }
        if (call.request.id === 'missing')
          return callback({ code: grpc.status.NOT_FOUND, details: 'no such user' });
        callback(null, { name: `user ${call.request.id}` });
      },
    });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
    client = new UsersClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  });
  afterAll(async () => {
    client.close();
    await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
  });

  it('passes NOT_FOUND through without tripping the breaker or retrying', async () => {
    const prom = new Registry();
    const policy = new ResilienceRegistry(prom, captureLogs().logger).policy(
      'users',
      testOptions({
        breaker: { consecutiveFailures: 1, halfOpenAfterMs: 60_000 },
        retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 1 },
      }),
    );
    await expect(
      policy.execute((s) => lookup(client, 'missing', s), { idempotent: true }),
    ).rejects.toMatchObject({ code: grpc.status.NOT_FOUND });
    expect(policy.state()).toBe('closed');
    expect(await scrapeSample(prom, 'resilience_retries_total', { target: 'users' })).toBe(0);
    await expect(policy.execute((s) => lookup(client, '7', s), { idempotent: true })).resolves.toEqual({
      name: 'user 7',
    });
  });

  it('cancels the call on the server when the timeout fires', async () => {
    const policy = new ResilienceRegistry(new Registry(), captureLogs().logger).policy(
      'users',
      testOptions({ timeoutMs: 50 }),
    );
    await expect(
      policy.execute((s) => lookup(client, 'slow', s), { idempotent: false }),
    ).rejects.toMatchObject({ reason: 'timeout', target: 'users' });
    await waitFor(async () => (cancelledOnServer.includes('slow') ? true : undefined), {
      timeoutMs: 5_000,
      intervalMs: 10,
      what: 'server-side cancellation',
    });
  });

  it('opens the breaker when the dependency refuses connections, then fails fast', async () => {
    const down = new UsersClient(`127.0.0.1:${await freePort()}`, grpc.credentials.createInsecure());
    try {
      const prom = new Registry();
      const policy = new ResilienceRegistry(prom, captureLogs().logger).policy(
        'users',
        testOptions({
          timeoutMs: 5_000,
          breaker: { consecutiveFailures: 2, halfOpenAfterMs: 60_000 },
        }),
      );
      for (let i = 0; i < 2; i++) {
        await expect(
          policy.execute((s) => lookup(down, '1', s), { idempotent: false }),
        ).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
      }
      await expect(policy.execute((s) => lookup(down, '1', s), { idempotent: false })).rejects.toMatchObject({
        reason: 'breaker_open',
      });
      expect(await scrapeSample(prom, 'circuit_breaker_state', { target: 'users' })).toBe(2);
    } finally {
      down.close();
    }
  });
});
