// orders: REST on PORT; calls users and payments over gRPC. Start with the tracing preload:
// node --require dist/apps/orders/instrumentation.js dist/apps/orders/main.js
import { bootstrapService } from '@obs/observability';
import { AppModule } from './app/app.module';
import { loadOrdersConfig } from './app/config';

async function main(): Promise<void> {
  const config = loadOrdersConfig();
  await bootstrapService(AppModule, { service: 'orders', httpPort: config.PORT });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
