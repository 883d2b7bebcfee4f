import { applyConfigPatch, ConfigValidationError, DEFAULT_RUNTIME_CONFIG } from './runtime-config';

describe('runtime config patches', () => {
  it('merges nested objects key by key', () => {
    const next = applyConfigPatch(DEFAULT_RUNTIME_CONFIG, {
      baseRps: 50,
      burst: { multiplier: 3 },
      mix: { users_auth: 0 },
    });
    expect(next.baseRps).toBe(50);
    expect(next.burst).toEqual({ ...DEFAULT_RUNTIME_CONFIG.burst, multiplier: 3 });
    expect(next.mix.users_auth).toBe(0);
    expect(next.mix.orders_list).toBe(5);
  });

  it.each([
    [{ baseRps: -1 }, 'baseRps'],
    [{ baseRps: '10' }, 'baseRps'],
    [{ maxConcurrency: 1.5 }, 'maxConcurrency'],
    [{ burst: { probability: 2 } }, 'burst.probability'],
    [{ diurnal: { dayMinutes: 0 } }, 'diurnal.dayMinutes'],
    [{ mix: { no_such_scenario: 1 } }, 'mix'],
    [
      { mix: Object.fromEntries(Object.keys(DEFAULT_RUNTIME_CONFIG.mix).map((k) => [k, 0])) },
      'at least one scenario weight',
    ],
    [{ surprise: true }, 'surprise'],
    [[1, 2], '(body)'],
    [null, '(body)'],
  ])('rejects %j naming the problem', (patch, named) => {
    expect(() => applyConfigPatch(DEFAULT_RUNTIME_CONFIG, patch)).toThrow(ConfigValidationError);
    expect(() => applyConfigPatch(DEFAULT_RUNTIME_CONFIG, patch)).toThrow(named);
  });
});
