// The bounded, time-limited read cache in front of the users table (cache-aside), with hit/miss
// counts in cache_requests_total{cache="users"}.
import { Inject, Injectable } from '@nestjs/common';
import { METRICS } from '@obs/contracts';
import { MetricsService } from '@obs/observability';
import { LRUCache } from 'lru-cache';
import { USERS_CONFIG, UsersConfig } from '../config';
import type { UserRow } from './users.repository';

const CACHE_NAME = 'users';

@Injectable()
export class UserCache {
  private readonly entries: LRUCache<string, UserRow> | undefined;

  constructor(
    @Inject(USERS_CONFIG) config: UsersConfig,
    private readonly metrics: MetricsService,
  ) {
    // A TTL of 0 turns the cache off (every read goes to the database).
    this.entries =
      config.USERS_CACHE_TTL_MS > 0 ? new LRUCache({ max: config.USERS_CACHE_MAX, ttl: config.USERS_CACHE_TTL_MS }) : undefined;
  }

  /** The cached row, or the loader's result (cached when found). */
  async getOrLoad(num: string, load: () => Promise<UserRow | undefined>): Promise<UserRow | undefined> {
    const hit = this.entries?.get(num);
    this.metrics.counter(METRICS.cacheRequests).inc({ cache: CACHE_NAME, result: hit ? 'hit' : 'miss' });
    if (hit) return hit;
    const row = await load();
    if (row) this.entries?.set(num, row);
    return row;
  }

  set(row: UserRow): void {
    this.entries?.set(row.num, row);
  }
}
