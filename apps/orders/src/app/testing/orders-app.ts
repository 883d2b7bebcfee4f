// Boots the real orders app (real module, Fastify, a throwaway Postgres) on a free port, pointed
// at the given users and payments addresses, and takes everything down again.
import type { INestApplication } from '@nestjs/common';
import { bootstrapService } from '@obs/observability';
import { startTestPostgres, type TestPostgres } from '@obs/persistence';
import { freePort, waitForHttp } from '@obs/testing';
import { AppModule } from '../app.module';

export interface RunningOrders {
  baseUrl: string;
  app: INestApplication;
  stop(): Promise<void>;
}

export async function startOrdersApp(deps: { usersAddress: string; paymentsAddress: string }): Promise<RunningOrders> {
  const pg: TestPostgres = await startTestPostgres({ databases: ['orders'] });
  Object.assign(process.env, {
    DATABASE_URL: pg.urlFor('orders'),
    FAULT_PROFILE: 'none',
    LOG_LEVEL: 'warn',
    USERS_GRPC_URL: deps.usersAddress,
    PAYMENTS_GRPC_URL: deps.paymentsAddress,
  });
  try {
    const httpPort = await freePort();
    const app = await bootstrapService(AppModule, { service: 'orders', httpPort });
    const baseUrl = `http://127.0.0.1:${httpPort}`;
    await waitForHttp(`${baseUrl}/readyz`);
    return {
      baseUrl,
      app,
      async stop() {
        await app.close();
        await pg.stop();
      },
    };
  } catch (error) {
    await pg.stop();
    throw error;
  }
}
