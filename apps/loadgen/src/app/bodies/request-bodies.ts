// Request bodies of the services' REST APIs, typed by the shared DTOs of @obs/contracts (the one
// source of those shapes and of the seeded users).
import { PAYMENT_METHODS } from '@obs/contracts';
import type { AuthRequestDto, CreateOrderDto, CreatePaymentDto, OrderItemDto } from '@obs/contracts';

export { PAYMENT_METHODS };

/** Any three-letter code is valid; these keep the dashboards' currency breakdown readable. */
export const CURRENCIES = ['USD', 'EUR', 'GBP'] as const;

export type OrderItemBody = Pick<OrderItemDto, 'sku' | 'quantity' | 'unitPrice'>;
export type CreateOrderBody = Pick<CreateOrderDto, 'userId' | 'currency' | 'paymentMethod'> & {
  items: OrderItemBody[];
};
export type CreatePaymentBody = Pick<CreatePaymentDto, 'orderId' | 'amount' | 'currency' | 'method'>;
export type AuthBody = Pick<AuthRequestDto, 'email' | 'password'>;
