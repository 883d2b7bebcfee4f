// REST DTOs of the payments API (DESIGN.md "REST API"), shared by the payments service (validation,
// OpenAPI) and its callers (load generator, tests). Bounds keep every input away from a 500.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {} from 'class-transformer';
import { IsIn, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from './page-query.dto';

export const PAYMENT_METHODS = ['credit_card', 'debit_card', 'bank_transfer', 'digital_wallet'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_STATUSES = ['succeeded', 'declined', 'fraud_check_failed', 'gateway_error'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** ISO 4217 shape; the simulated gateway accepts any three-letter code. */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;
/** Ids and idempotency keys: printable, URL- and log-safe, bounded. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
export const IDEMPOTENCY_KEY_PATTERN = ID_PATTERN;
export const MAX_PAYMENT_AMOUNT = 100_000_000;

export class CreatePaymentDto {
  @ApiProperty({ example: 'ord-7f3c', maxLength: 128 })
  @IsString()
  @MaxLength(128)
  @Matches(ID_PATTERN, { message: 'orderId must be 1-128 characters of letters, digits, _ . : -' })
  orderId!: string;

  @ApiProperty({
    example: 42.5,
    minimum: 0.01,
    maximum: MAX_PAYMENT_AMOUNT,
    description: 'Decimal amount, at most 2 decimals.',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(MAX_PAYMENT_AMOUNT)
  amount!: number;

  @ApiProperty({ example: 'EUR', pattern: CURRENCY_PATTERN.source })
  @IsString()
  @Matches(CURRENCY_PATTERN, { message: 'currency must be a three-letter upper-case ISO 4217 code' })
  currency!: string;

  @ApiProperty({ enum: PAYMENT_METHODS })
  @IsIn(PAYMENT_METHODS)
  method!: PaymentMethod;
}

export class PaymentDto {
  @ApiProperty() id!: string;
  @ApiProperty() orderId!: string;
  @ApiProperty({ example: 42.5 }) amount!: number;
  @ApiProperty() currency!: string;
  @ApiProperty({ enum: PAYMENT_METHODS }) method!: PaymentMethod;
  @ApiProperty({ enum: PAYMENT_STATUSES }) status!: PaymentStatus;
  @ApiProperty() idempotencyKey!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ListPaymentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only the payments of this order.' })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: 'orderId must be 1-128 characters of letters, digits, _ . : -' })
  orderId?: string;
}

export class PaymentPageDto {
  @ApiProperty({ type: [PaymentDto] }) items!: PaymentDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}
