// Failed logins per email in a sliding minute; past the limit further attempts are refused (429)
// without touching the password hash, which also caps the CPU an attacker can burn on scrypt.
import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { USERS_CONFIG, UsersConfig } from '../config';

const WINDOW_MS = 60_000;

@Injectable()
export class LoginThrottle {
  // Bounded so a flood of distinct emails cannot grow memory without limit.
  private readonly failures = new LRUCache<string, number[]>({ max: 50_000, ttl: WINDOW_MS });

  constructor(@Inject(USERS_CONFIG) private readonly config: UsersConfig) {}

  isLimited(email: string, now = Date.now()): boolean {
    return this.recent(email, now).length >= this.config.AUTH_MAX_FAILURES_PER_MINUTE;
  }

  recordFailure(email: string, now = Date.now()): void {
    this.failures.set(email, [...this.recent(email, now), now]);
  }

  reset(email: string): void {
    this.failures.delete(email);
  }

  private recent(email: string, now: number): number[] {
    return (this.failures.get(email) ?? []).filter((t) => now - t < WINDOW_MS);
  }
}
