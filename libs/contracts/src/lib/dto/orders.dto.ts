// REST DTOs of the orders API (DESIGN.md "REST API"), shared by the orders service (validation,
// OpenAPI) and its callers. Bounds are chosen so the largest order (20 × 100 × 10 000) stays within
// what payments accepts and within exact integer cents.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { CURRENCY_PATTERN, ID_PATTERN, PAYMENT_METHODS, PaymentMethod } from './payments.dto';
import { PageQueryDto } from './page-query.dto';

export const ORDER_STATUSES = ['paid', 'payment_failed'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const MAX_ORDER_ITEMS = 20;
export const MAX_ITEM_QUANTITY = 100;
export const MAX_UNIT_PRICE = 10_000;

export class OrderItemDto {
  @ApiProperty({ example: 'sku-123', maxLength: 64 })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, {
    message: 'sku must be 1-64 characters of letters, digits, _ . -',
  })
  sku!: string;

  @ApiProperty({ example: 2, minimum: 1, maximum: MAX_ITEM_QUANTITY })
  @IsInt()
  @Min(1)
  @Max(MAX_ITEM_QUANTITY)
  quantity!: number;

  @ApiProperty({ example: 19.99, minimum: 0.01, maximum: MAX_UNIT_PRICE })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(MAX_UNIT_PRICE)
  unitPrice!: number;
}

export class CreateOrderDto {
  @ApiProperty({ example: 'usr-100' })
  @IsString()
  @Matches(ID_PATTERN, { message: 'userId must be 1-128 characters of letters, digits, _ . : -' })
  userId!: string;

  @ApiProperty({ type: [OrderItemDto], minItems: 1, maxItems: MAX_ORDER_ITEMS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ORDER_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => OrderItemDto)
  items!: OrderItemDto[];

  @ApiProperty({ example: 'EUR', pattern: CURRENCY_PATTERN.source })
  @IsString()
  @Matches(CURRENCY_PATTERN, { message: 'currency must be a three-letter upper-case ISO 4217 code' })
  currency!: string;

  @ApiProperty({ enum: PAYMENT_METHODS })
  @IsIn(PAYMENT_METHODS)
  paymentMethod!: PaymentMethod;
}

export class OrderDto {
  @ApiProperty() id!: string;
  @ApiProperty() userId!: string;
  @ApiProperty({ type: [OrderItemDto] }) items!: OrderItemDto[];
  @ApiProperty({ example: 39.98 }) total!: number;
  @ApiProperty() currency!: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status!: OrderStatus;
  @ApiProperty() paymentId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ListOrdersQueryDto extends PageQueryDto {}

export class OrderPageDto {
  @ApiProperty({ type: [OrderDto] }) items!: OrderDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}
