// Users in Postgres through Kysely: the only place that knows the table layout.
import { Injectable } from '@nestjs/common';
import { InjectKysely } from '@obs/persistence';
import { Kysely, Selectable } from 'kysely';
import { UsersDatabase, UsersTable } from '../database/users.tables';

export type UserRow = Selectable<UsersTable>;

export interface NewUser {
  readonly email: string;
  readonly name: string;
  readonly passwordHash: string | null;
}

@Injectable()
export class UsersRepository {
  constructor(@InjectKysely() private readonly db: Kysely<UsersDatabase>) {}

  findByNum(num: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('num', '=', num).executeTakeFirst();
  }

  findByEmail(email: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  }

  /** One page in id order after `afterNum` (keyset pagination: stable under concurrent inserts). */
  list(limit: number, afterNum: string | undefined): Promise<UserRow[]> {
    let query = this.db.selectFrom('users').selectAll().orderBy('num').limit(limit);
    if (afterNum !== undefined) query = query.where('num', '>', afterNum);
    return query.execute();
  }

  /** Throws a unique violation (23505) when the email is taken. */
  insert(user: NewUser): Promise<UserRow> {
    return this.db
      .insertInto('users')
      .values({ email: user.email, name: user.name, password_hash: user.passwordHash })
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}
