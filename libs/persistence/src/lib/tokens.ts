import { Inject } from '@nestjs/common';

/** The service's `Kysely<any>` instance; apps declare their own table interfaces on top. */
export const KYSELY = Symbol.for('obs.persistence.kysely');
export const PERSISTENCE_OPTIONS = Symbol.for('obs.persistence.options');
export const RESOLVED_DATABASE_URL = Symbol.for('obs.persistence.url');

/** `constructor(@InjectKysely() private readonly db: Kysely<UsersDatabase>)` */
export const InjectKysely = (): ParameterDecorator => Inject(KYSELY);
