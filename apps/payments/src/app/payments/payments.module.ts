import { Module } from '@nestjs/common';
import { FraudCheckClient } from '../simulation/fraud-check.client';
import { PaymentGateway } from '../simulation/payment-gateway';
import { RANDOM } from '../simulation/random';
import { PaymentsController } from './payments.controller';
import { PaymentsGrpcController } from './payments.grpc.controller';
import { PaymentsRepository } from './payments.repository';
import { PAYMENTS_CLOCK, PaymentsService } from './payments.service';

@Module({
  controllers: [PaymentsController, PaymentsGrpcController],
  providers: [
    PaymentsService,
    PaymentsRepository,
    PaymentGateway,
    FraudCheckClient,
    { provide: RANDOM, useValue: Math.random },
    { provide: PAYMENTS_CLOCK, useValue: Date.now },
  ],
})
export class PaymentsModule {}
