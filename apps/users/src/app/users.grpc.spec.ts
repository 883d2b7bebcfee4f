// The internal gRPC API as orders calls it: a grpc-js client built from the shared users.proto.
import { credentials, loadPackageDefinition, ServiceError, status } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { protoPath } from '@obs/contracts';
import request from 'supertest';
import { startUsersTestApp, UsersTestApp } from '../testing/users-test-app';

jest.setTimeout(60_000);

type Callback<T> = (error: ServiceError | null, value: T) => void;
interface UsersClient {
  ValidateUser(req: { userId: string }, cb: Callback<{ userId: string; valid: boolean; reason: string }>): void;
  GetUser(req: { userId: string }, cb: Callback<{ id: string; email: string; name: string; createdAt: string }>): void;
  close(): void;
}

let t: UsersTestApp;
let client: UsersClient;

beforeAll(async () => {
  t = await startUsersTestApp();
  const definition = loadSync(protoPath('users'));
  const pkg = loadPackageDefinition(definition) as unknown as {
    obs: { users: { v1: { UsersService: new (address: string, creds: ReturnType<typeof credentials.createInsecure>) => UsersClient } } };
  };
  client = new pkg.obs.users.v1.UsersService(`127.0.0.1:${t.grpcPort}`, credentials.createInsecure());
});
afterAll(async () => {
  client?.close();
  await t?.stop();
});

function call<T>(method: (req: { userId: string }, cb: Callback<T>) => void, userId: string): Promise<T> {
  return new Promise((resolve, reject) => method.call(client, { userId }, (error, value) => (error ? reject(error) : resolve(value))));
}

describe('users gRPC API', () => {
  it('validates seeded users and explains why unknown ones are not valid', async () => {
    expect(await call(client.ValidateUser, 'usr-100')).toEqual({ userId: 'usr-100', valid: true, reason: '' });
    expect(await call(client.ValidateUser, 'usr-5')).toEqual({ userId: 'usr-5', valid: false, reason: 'not_found' });
    expect(await call(client.ValidateUser, '')).toMatchObject({ valid: false, reason: 'not_found' });
  });

  it('gets a user, and answers NOT_FOUND for unknown or malformed ids', async () => {
    expect(await call(client.GetUser, 'usr-101')).toMatchObject({ id: 'usr-101', email: 'user101@example.com' });
    for (const id of ['usr-424242', 'garbage']) {
      const error = (await call(client.GetUser, id).catch((e: unknown) => e)) as ServiceError;
      expect(error.code).toBe(status.NOT_FOUND);
    }
  });

  it('answers UNAVAILABLE, marked as injected, while the fault profile fails every call', async () => {
    await request(t.http).put('/admin/faults').send({ errorRate: 1 }).expect(200);
    try {
      const error = (await call(client.ValidateUser, 'usr-100').catch((e: unknown) => e)) as ServiceError;
      expect(error.code).toBe(status.UNAVAILABLE);
      expect(error.details).toMatch(/injected fault/);
    } finally {
      await request(t.http).put('/admin/faults').send({ profile: 'none' }).expect(200);
    }
    expect(await call(client.ValidateUser, 'usr-100')).toMatchObject({ valid: true });
  });
});
