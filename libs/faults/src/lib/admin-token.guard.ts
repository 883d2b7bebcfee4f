// Guards /admin/faults: when ADMIN_TOKEN is set, only `Authorization: Bearer <ADMIN_TOKEN>` passes.
import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { FAULTS_OPTIONS, FaultsModuleOptions } from './fault.tokens';

const digest = (value: string) => createHash('sha256').update(value).digest();

@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly expected: Buffer | undefined;

  constructor(@Inject(FAULTS_OPTIONS) options: FaultsModuleOptions) {
    const token = (options.env ?? process.env)['ADMIN_TOKEN'];
    this.expected = token ? digest(token) : undefined;
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected) return true;
    const header = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers['authorization'];
    const match = /^Bearer (.+)$/i.exec(header ?? '');
    // Comparing fixed-length digests keeps the check constant-time whatever the token length.
    if (match && timingSafeEqual(digest(match[1]), this.expected)) return true;
    throw new UnauthorizedException('a valid "Authorization: Bearer <ADMIN_TOKEN>" header is required');
  }
}
