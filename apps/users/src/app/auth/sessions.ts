// Sessions created by successful logins: in memory, bounded, expiring; their count is the
// active_sessions gauge. Memory is enough here: losing sessions on restart only means logging in again.
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { METRICS } from '@obs/contracts';
import { MetricsService } from '@obs/observability';
import { LRUCache } from 'lru-cache';
import { randomBytes } from 'node:crypto';
import { USERS_CONFIG, UsersConfig } from '../config';

const MAX_SESSIONS = 100_000;
const GAUGE_REFRESH_MS = 5_000;

export interface Session {
  readonly userId: string;
  readonly token: string;
  readonly expiresAt: Date;
}

@Injectable()
export class SessionStore implements OnModuleDestroy {
  private readonly sessions: LRUCache<string, string>;
  private readonly timer: NodeJS.Timeout;

  constructor(
    @Inject(USERS_CONFIG) private readonly config: UsersConfig,
    private readonly metrics: MetricsService,
  ) {
    this.sessions = new LRUCache({ max: MAX_SESSIONS, ttl: config.SESSION_TTL_MS });
    // Expiry is lazy in the LRU, so the gauge is refreshed on a timer as well as on each login.
    this.timer = setInterval(() => this.refreshGauge(), GAUGE_REFRESH_MS).unref();
    this.refreshGauge();
  }

  create(userId: string): Session {
    const token = randomBytes(24).toString('base64url');
    this.sessions.set(token, userId);
    this.refreshGauge();
    return { userId, token, expiresAt: new Date(Date.now() + this.config.SESSION_TTL_MS) };
  }

  /** The user of a live session, or undefined. */
  userOf(token: string): string | undefined {
    return this.sessions.get(token);
  }

  active(): number {
    this.sessions.purgeStale();
    return this.sessions.size;
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private refreshGauge(): void {
    this.metrics.gauge(METRICS.activeSessions).set(this.active());
  }
}
