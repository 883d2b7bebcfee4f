// Realistic request bodies: seeded users, valid payment methods, sane baskets, a fresh
// Idempotency-Key per write, and the ids of orders this generator created (for reads by id).
import { SEED_USERS } from '@obs/contracts';
import { pickOne, randomInt, Rng } from '../clock/rng';
import {
  AuthBody,
  CreateOrderBody,
  CreatePaymentBody,
  CURRENCIES,
  OrderItemBody,
  PAYMENT_METHODS,
} from './request-bodies';

/** DESIGN.md: users are seeded as usr-100 … usr-149 so traffic works from the first second. */
const SEEDED_USER_NUMBERS: readonly number[] = Array.from(
  { length: SEED_USERS.last - SEED_USERS.first + 1 },
  (_, i) => SEED_USERS.first + i,
);
export const SEEDED_USER_IDS: readonly string[] = SEEDED_USER_NUMBERS.map((n) => SEED_USERS.idFor(n));

const SKUS: readonly string[] = Array.from({ length: 40 }, (_, i) => `sku-${String(1000 + i * 7)}`);

export interface BodyFactoryOptions {
  /** How many created order ids to remember; older ones are forgotten (bounded memory). */
  rememberOrders?: number;
}

export class BodyFactory {
  private readonly orderIds: string[] = [];
  private nextSlot = 0;
  private readonly capacity: number;
  private keyCounter = 0;
  private readonly keyPrefix: string;

  constructor(
    private readonly rng: Rng,
    options: BodyFactoryOptions = {},
  ) {
    this.capacity = Math.max(1, options.rememberOrders ?? 1_000);
    this.keyPrefix = `lg-${Math.floor(rng() * 0xffffffff)
      .toString(16)
      .padStart(8, '0')}`;
  }

  userId(): string {
    return pickOne(this.rng, SEEDED_USER_IDS);
  }

  createOrder(): CreateOrderBody {
    const items: OrderItemBody[] = Array.from({ length: randomInt(this.rng, 1, 4) }, () => ({
      sku: pickOne(this.rng, SKUS),
      quantity: randomInt(this.rng, 1, 5),
      unitPrice: randomInt(this.rng, 199, 24_999) / 100,
    }));
    return {
      userId: this.userId(),
      items,
      currency: pickOne(this.rng, CURRENCIES),
      paymentMethod: pickOne(this.rng, PAYMENT_METHODS),
    };
  }

  createPayment(): CreatePaymentBody {
    return {
      orderId: this.knownOrderId() ?? `ord-lg-${randomInt(this.rng, 1, 999_999)}`,
      amount: randomInt(this.rng, 199, 99_999) / 100,
      currency: pickOne(this.rng, CURRENCIES),
      method: pickOne(this.rng, PAYMENT_METHODS),
    };
  }

  /** A seeded user's real credentials; the users service simulates the failed outcomes itself. */
  auth(): AuthBody {
    return {
      email: SEED_USERS.emailFor(pickOne(this.rng, SEEDED_USER_NUMBERS)),
      password: SEED_USERS.password,
    };
  }

  /** Unique per write within a run and across runs (random prefix), matching the services' id pattern. */
  idempotencyKey(): string {
    this.keyCounter += 1;
    return `${this.keyPrefix}-${this.keyCounter.toString(36)}`;
  }

  rememberOrder(id: string): void {
    if (this.orderIds.length < this.capacity) {
      this.orderIds.push(id);
    } else {
      this.orderIds[this.nextSlot] = id;
      this.nextSlot = (this.nextSlot + 1) % this.capacity;
    }
  }

  hasKnownOrder(): boolean {
    return this.orderIds.length > 0;
  }

  knownOrderId(): string | undefined {
    return this.orderIds.length === 0 ? undefined : pickOne(this.rng, this.orderIds);
  }

  rememberedOrderCount(): number {
    return this.orderIds.length;
  }
}
