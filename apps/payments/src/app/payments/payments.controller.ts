// REST API of payments (DESIGN.md): POST with a required Idempotency-Key, list and get.
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CreatePaymentDto, ID_PATTERN, ListPaymentsQueryDto, PaymentDto, PaymentPageDto } from '@obs/contracts';
import { NotFoundError } from '@obs/observability';
import { requireIdempotencyKey } from './idempotency-key';
import { toCents } from './money';
import { PaymentsService } from './payments.service';

@ApiTags('payments')
@Controller('api/payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Post()
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'A repeat with the same key returns the first result.' })
  @ApiCreatedResponse({ type: PaymentDto })
  create(@Body() body: CreatePaymentDto, @Headers('idempotency-key') key: string | undefined): Promise<PaymentDto> {
    return this.payments.charge({
      orderId: body.orderId,
      amountCents: toCents(body.amount),
      currency: body.currency,
      method: body.method,
      idempotencyKey: requireIdempotencyKey(key),
    });
  }

  @Get()
  @ApiOkResponse({ type: PaymentPageDto })
  list(@Query() query: ListPaymentsQueryDto): Promise<PaymentPageDto> {
    return this.payments.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: PaymentDto })
  get(@Param('id') id: string): Promise<PaymentDto> {
    // An id we could never have issued is simply unknown.
    if (!ID_PATTERN.test(id)) throw new NotFoundError(`payment ${id.slice(0, 128)} not found`);
    return this.payments.get(id);
  }
}
