// A bad variable stops start-up with a message naming it, before anything listens.
import { spawnFixtureProcess } from '../../testing-fixtures/spawn-fixture';
import { FixtureModule } from '../../testing-fixtures/fixture.module';
import { parseLogLines } from '../../testing';
import { ConfigError } from '../config/config';
import { bootstrapService } from './bootstrap-service';

jest.setTimeout(60_000);

describe('start-up with bad configuration', () => {
  it('rejects with a ConfigError naming the variable', async () => {
    await expect(
      bootstrapService(FixtureModule, {
        service: 'fixture',
        httpPort: 0,
        env: { SHUTDOWN_TIMEOUT_MS: 'soon' },
      }),
    ).rejects.toThrow(ConfigError);
    await expect(
      bootstrapService(FixtureModule, { service: 'fixture', httpPort: 0, env: { PORT: '99999' } }),
    ).rejects.toThrow(/PORT/);
  });

  it('exits 1 with one fatal JSON line naming the variable', async () => {
    const { process: child, exited } = spawnFixtureProcess({
      LOG_FORMAT: 'xml',
      OBS_TEST_SPANS_FILE: '/dev/null',
    });
    expect(await exited).toBe(1);
    const fatal = parseLogLines(child.output()).find((l) => l['level'] === 'fatal');
    expect(fatal?.msg).toMatch(/^Invalid configuration: LOG_FORMAT: /);
    expect(child.output()).not.toMatch(/\n\s+at /);
  });
});
