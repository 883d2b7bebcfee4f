// Transport settings of payments, shared by main.ts and the specs so tests boot what production boots.
import { PROTO_PACKAGES, protoPath } from '@obs/contracts';
import type { PaymentsConfig } from './config';

export function paymentsTransport(config: Pick<PaymentsConfig, 'PORT' | 'GRPC_PORT'>) {
  return {
    service: 'payments',
    httpPort: config.PORT,
    grpc: { package: PROTO_PACKAGES.payments, protoPath: protoPath('payments'), port: config.GRPC_PORT },
  };
}
