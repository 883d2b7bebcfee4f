// Stand-ins for users and payments in the orders specs: real gRPC servers speaking the contract
// protos, with the behaviour each spec needs. (The real services meet in apps/services-e2e.)
import { loadPackageDefinition, Server, ServerCredentials, status, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { PROTO_PACKAGES, protoPath } from '@obs/contracts';

interface ChargeRequest {
  orderId: string;
  amount: string;
  currency: string;
  method: string;
  idempotencyKey: string;
}

export interface FakeDependencies {
  address: string;
  /** Every Charge received, repeats included. */
  readonly charges: ChargeRequest[];
  /** Payments stored, one per idempotency key. */
  readonly payments: Map<string, { id: string; status: string }>;
  /** The outcome of the next new charge. */
  chargeStatus: 'succeeded' | 'declined';
  stop(): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loadPackageDefinition is untyped by nature
function service(name: keyof typeof PROTO_PACKAGES, serviceName: string): any {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const pkg = loadPackageDefinition(loadSync(protoPath(name))) as any;
  return PROTO_PACKAGES[name].split('.').reduce((o, k) => o[k], pkg)[serviceName].service;
}

export async function startFakeDependencies(): Promise<FakeDependencies> {
  const server = new Server();
  const fake: Omit<FakeDependencies, 'address' | 'stop'> = { charges: [], payments: new Map(), chargeStatus: 'succeeded' };

  server.addService(service('users', 'UsersService'), {
    ValidateUser(call: ServerUnaryCall<{ userId: string }, object>, cb: sendUnaryData<object>) {
      const id = call.request.userId;
      if (id === 'usr-locked') return cb(null, { userId: id, valid: false, reason: 'locked' });
      if (/^usr-1[0-4]\d$/.test(id)) return cb(null, { userId: id, valid: true, reason: '' });
      cb({ code: status.NOT_FOUND, details: `user ${id} not found` });
    },
  });
  server.addService(service('payments', 'PaymentsService'), {
    Charge(call: ServerUnaryCall<ChargeRequest, object>, cb: sendUnaryData<object>) {
      const req = call.request;
      fake.charges.push(req);
      const existing = fake.payments.get(req.idempotencyKey);
      const payment = existing ?? { id: `pay-${fake.payments.size + 1}`, status: fake.chargeStatus };
      fake.payments.set(req.idempotencyKey, payment);
      cb(null, { ...req, ...payment, createdAt: new Date().toISOString() });
    },
  });

  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
  );
  let stopped: Promise<void> | undefined;
  return Object.assign(fake, {
    address: `127.0.0.1:${port}`,
    // forceShutdown: the specs stop it to simulate an outage, so in-flight calls should fail now.
    stop: () => (stopped ??= Promise.resolve(server.forceShutdown())),
  });
}
