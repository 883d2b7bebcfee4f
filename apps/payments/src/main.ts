// payments: REST on PORT, gRPC (Charge, GetPayment) on GRPC_PORT. Start with the tracing preload:
// node --require dist/apps/payments/instrumentation.js dist/apps/payments/main.js
import { bootstrapService } from '@obs/observability';
import { AppModule } from './app/app.module';
import { loadPaymentsConfig } from './app/config';
import { paymentsTransport } from './app/transport';

async function main(): Promise<void> {
  const config = loadPaymentsConfig();
  await bootstrapService(AppModule, paymentsTransport(config));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
