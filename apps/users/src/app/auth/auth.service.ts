// POST /api/users/auth: real credential checks, a per-email failure limit, sessions, and (when a
// fault profile is active) DESIGN.md's outcome mix: 85% ok, 7% invalid, 5% locked, 3% rate limited.
import { ForbiddenException, HttpException, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { AuthRequestDto, AuthResult, AuthSessionDto, METRICS } from '@obs/contracts';
import { FaultInjector } from '@obs/faults';
import { MetricsService } from '@obs/observability';
import { idOf } from '../users/user-ids';
import { UsersRepository } from '../users/users.repository';
import { Refusal, simulatedAuthOutcome } from './auth-outcomes';
import { LoginThrottle } from './login-throttle';
import { verifyPassword } from './passwords';
import { SessionStore } from './sessions';

function refusal(result: Refusal): HttpException {
  switch (result) {
    case 'invalid_credentials':
      return new UnauthorizedException('invalid email or password');
    case 'locked':
      return new ForbiddenException('this account is locked');
    case 'rate_limited':
      return new HttpException('too many failed login attempts; try again in a minute', HttpStatus.TOO_MANY_REQUESTS);
  }
}

@Injectable()
export class AuthService {
  constructor(
    private readonly repository: UsersRepository,
    private readonly sessions: SessionStore,
    private readonly throttle: LoginThrottle,
    private readonly faults: FaultInjector,
    private readonly metrics: MetricsService,
  ) {}

  async authenticate(dto: AuthRequestDto): Promise<AuthSessionDto> {
    await this.faults.before({ kind: 'read', name: 'users.auth' });
    const email = dto.email.toLowerCase();
    const simulated = this.simulatedOutcome();
    if (simulated) {
      this.faults.markInjected(`auth_${simulated}`);
      this.fail(simulated);
    }
    if (this.throttle.isLimited(email)) this.fail('rate_limited');

    const user = await this.repository.findByEmail(email);
    if (!user || !(await verifyPassword(dto.password, user.password_hash))) {
      this.throttle.recordFailure(email);
      this.fail('invalid_credentials');
    }
    if (user.status === 'locked') this.fail('locked');

    this.throttle.reset(email);
    this.count('success');
    const session = this.sessions.create(idOf(user.num));
    return { userId: session.userId, sessionToken: session.token, expiresAt: session.expiresAt.toISOString() };
  }

  private simulatedOutcome(): Refusal | undefined {
    if (this.faults.current().profile === 'none') return undefined;
    return simulatedAuthOutcome(this.faults.random());
  }

  private fail(result: Refusal): never {
    this.count(result);
    throw refusal(result);
  }

  private count(result: AuthResult): void {
    this.metrics.counter(METRICS.userAuthAttempts).inc({ result });
  }
}
