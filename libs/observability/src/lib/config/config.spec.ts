import { z } from 'zod';
import { baseConfigSchema, ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies defaults and coerces numbers', () => {
    const config = loadConfig(baseConfigSchema, { PORT: '8081' });
    expect(config).toMatchObject({
      PORT: 8081,
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: 10_000,
      LOG_SYNC: false,
      OBS_METRICS_ENABLED: true,
    });
    expect(loadConfig(baseConfigSchema, { LOG_SYNC: 'true', OBS_METRICS_ENABLED: 'false' })).toMatchObject({
      LOG_SYNC: true,
      OBS_METRICS_ENABLED: false,
    });
  });

  it('names the bad variable in the error message', () => {
    expect(() => loadConfig(baseConfigSchema, { PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig(baseConfigSchema, { LOG_FORMAT: 'xml' })).toThrow(ConfigError);
    expect(() => loadConfig(baseConfigSchema, { LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
    expect(() => loadConfig(baseConfigSchema, { OBS_METRICS_ENABLED: 'maybe' })).toThrow(/OBS_METRICS_ENABLED/);
  });

  it('lets apps extend the base schema and reports their variables too', () => {
    const schema = baseConfigSchema.extend({ DATABASE_URL: z.url() });
    const error = (() => {
      try {
        loadConfig(schema, { DATABASE_URL: 'not a url', SHUTDOWN_TIMEOUT_MS: '-1' });
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error.variables).toEqual(expect.arrayContaining(['DATABASE_URL', 'SHUTDOWN_TIMEOUT_MS']));
    expect(error.message).toMatch(/DATABASE_URL/);
  });
});
