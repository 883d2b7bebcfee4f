// Boots the real payments app (real module, Fastify, gRPC, a throwaway Postgres) on free ports for
// the specs, and takes everything down again.
import type { INestApplication } from '@nestjs/common';
import { bootstrapService } from '@obs/observability';
import { startTestPostgres, type TestPostgres } from '@obs/persistence';
import { freePort, waitForHttp } from '@obs/testing';
import { AppModule } from '../app.module';
import { paymentsTransport } from '../transport';

export interface RunningPayments {
  baseUrl: string;
  grpcAddress: string;
  app: INestApplication;
  stop(): Promise<void>;
}

export async function startPaymentsApp(): Promise<RunningPayments> {
  const pg: TestPostgres = await startTestPostgres({ databases: ['payments'] });
  process.env['DATABASE_URL'] = pg.urlFor('payments');
  process.env['FAULT_PROFILE'] = 'none';
  process.env['LOG_LEVEL'] = 'warn';
  try {
    const [httpPort, grpcPort] = [await freePort(), await freePort()];
    const app = await bootstrapService(AppModule, paymentsTransport({ PORT: httpPort, GRPC_PORT: grpcPort }));
    const baseUrl = `http://127.0.0.1:${httpPort}`;
    await waitForHttp(`${baseUrl}/readyz`);
    return {
      baseUrl,
      grpcAddress: `127.0.0.1:${grpcPort}`,
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
