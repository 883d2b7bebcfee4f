// The users use cases behind both transports (REST and gRPC): create, list, get, validate.
import { Injectable } from '@nestjs/common';
import { CreateUserDto, UserDto, UserPageDto, ValidateUserResultDto } from '@obs/contracts';
import { FaultInjector } from '@obs/faults';
import { ConflictError, NotFoundError, ValidationFailedError } from '@obs/observability';
import { isUniqueViolation } from '@obs/persistence';
import { hashPassword } from '../auth/passwords';
import { UserCache } from './user-cache';
import { decodeCursor, encodeCursor, idOf, numOf } from './user-ids';
import { UserRow, UsersRepository } from './users.repository';

export const DEFAULT_PAGE_SIZE = 20;

export function toUserDto(row: UserRow): UserDto {
  return { id: idOf(row.num), email: row.email, name: row.name, createdAt: row.created_at.toISOString() };
}

@Injectable()
export class UsersService {
  constructor(
    private readonly repository: UsersRepository,
    private readonly cache: UserCache,
    private readonly faults: FaultInjector,
  ) {}

  async create(dto: CreateUserDto): Promise<UserDto> {
    await this.faults.before({ kind: 'write', name: 'users.create' });
    const passwordHash = dto.password ? await hashPassword(dto.password) : null;
    try {
      const row = await this.repository.insert({ email: dto.email.toLowerCase(), name: dto.name, passwordHash });
      this.cache.set(row);
      return toUserDto(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`a user with email ${dto.email} already exists`);
      throw error;
    }
  }

  async list(limit = DEFAULT_PAGE_SIZE, cursor?: string): Promise<UserPageDto> {
    const after = cursor === undefined ? undefined : decodeCursor(cursor);
    if (cursor !== undefined && after === undefined) throw new ValidationFailedError('cursor is not a cursor this API issued');
    await this.faults.before({ kind: 'read', name: 'users.list' });
    // One extra row tells whether another page exists without a count query.
    const rows = await this.repository.list(limit + 1, after);
    const page = rows.slice(0, limit);
    return { items: page.map(toUserDto), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].num) : null };
  }

  async get(id: string): Promise<UserDto> {
    await this.faults.before({ kind: 'read', name: 'users.get' });
    const row = await this.find(id);
    if (!row) throw new NotFoundError(`user ${id} not found`);
    return toUserDto(row);
  }

  /** Whether a user may place orders: exists and is not locked. Unknown ids are an answer, not an error. */
  async validate(userId: string): Promise<ValidateUserResultDto> {
    await this.faults.before({ kind: 'read', name: 'users.validate' });
    const row = await this.find(userId);
    if (!row) return { userId, valid: false, reason: 'not_found' };
    if (row.status === 'locked') return { userId, valid: false, reason: 'locked' };
    return { userId, valid: true, reason: '' };
  }

  private find(id: string): Promise<UserRow | undefined> {
    const num = numOf(id);
    if (num === undefined) return Promise.resolve(undefined);
    return this.cache.getOrLoad(num, () => this.repository.findByNum(num));
  }
}
