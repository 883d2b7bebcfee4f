// gRPC API of payments (libs/contracts/proto/payments.proto), called by orders. Input is checked
// here because the HTTP ValidationPipe does not guard gRPC handlers.
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { CURRENCY_PATTERN, ID_PATTERN, PAYMENT_METHODS, type PaymentDto, type PaymentMethod } from '@obs/contracts';
import { ValidationFailedError } from '@obs/observability';
import { parseDecimalAmount } from './money';
import { PaymentsService } from './payments.service';

/** Message shapes as @grpc/proto-loader decodes them (camelCase fields, strings default to ''). */
export interface ChargeRequest {
  orderId: string;
  amount: string;
  currency: string;
  method: string;
  idempotencyKey: string;
}

export interface PaymentMessage {
  id: string;
  orderId: string;
  amount: string;
  currency: string;
  method: string;
  status: string;
  idempotencyKey: string;
  createdAt: string;
}

function required(value: string | undefined, field: string, pattern: RegExp): string {
  if (!value || !pattern.test(value)) throw new ValidationFailedError(`${field} is missing or malformed`);
  return value;
}

function toMessage(p: PaymentDto): PaymentMessage {
  return { ...p, amount: p.amount.toFixed(2) };
}

@Controller()
export class PaymentsGrpcController {
  constructor(private readonly payments: PaymentsService) {}

  @GrpcMethod('PaymentsService', 'Charge')
  async charge(req: ChargeRequest): Promise<PaymentMessage> {
    const method = req.method as PaymentMethod;
    if (!PAYMENT_METHODS.includes(method)) throw new ValidationFailedError(`method must be one of ${PAYMENT_METHODS.join(', ')}`);
    const payment = await this.payments.charge({
      orderId: required(req.orderId, 'order_id', ID_PATTERN),
      amountCents: parseDecimalAmount(req.amount ?? ''),
      currency: required(req.currency, 'currency', CURRENCY_PATTERN),
      method,
      idempotencyKey: required(req.idempotencyKey, 'idempotency_key', ID_PATTERN),
    });
    return toMessage(payment);
  }

  @GrpcMethod('PaymentsService', 'GetPayment')
  async getPayment(req: { paymentId: string }): Promise<PaymentMessage> {
    return toMessage(await this.payments.get(required(req.paymentId, 'payment_id', ID_PATTERN)));
  }
}
