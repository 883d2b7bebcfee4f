// The users database as Kysely sees it. `num` is the numeric part of the public id (usr-<num>), so
// ids sort and paginate numerically and new ids come from an identity column.
import type { ColumnType, Generated } from 'kysely';

export type UserStatus = 'active' | 'locked';

export interface UsersTable {
  num: Generated<string>;
  email: string;
  name: string;
  password_hash: string | null;
  status: ColumnType<UserStatus, UserStatus | undefined, UserStatus>;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface UsersDatabase {
  users: UsersTable;
}
